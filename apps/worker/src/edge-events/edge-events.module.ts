import { Module } from '@nestjs/common';
import { QueueName, QueuesModule } from '@callwire/queues';
import { CallRecordsRepository } from '../calls/call-records.repository';
import { CallRecordsService } from '../calls/call-records.service';
import { WebhookPublisherModule } from '../webhooks/webhook-publisher.module';
import { EdgeBlocksRepository } from './edge-blocks.repository';
import { EdgeBlockEventsService } from './edge-block-events.service';
import { EdgeEventsStreamConsumer } from './edge-events.consumer';
import { EdgeEventsProcessor } from './edge-events.processor';
import { RegistrationEventsService } from './registration-events.service';
import { SipDomainAccounts } from './sip-domain-accounts';

/** Edge events: Redis stream → edge-events queue → call records and webhook events. */
@Module({
  imports: [QueuesModule.registerQueues(QueueName.EdgeEvents), WebhookPublisherModule],
  providers: [
    EdgeEventsStreamConsumer,
    EdgeEventsProcessor,
    CallRecordsRepository,
    CallRecordsService,
    RegistrationEventsService,
    SipDomainAccounts,
    EdgeBlocksRepository,
    EdgeBlockEventsService,
  ],
})
export class EdgeEventsModule {}
