import { Module } from '@nestjs/common';
import { CallRecordsService } from '../calls/call-records.service';
import { WebhookPublisherModule } from '../webhook-events/webhook-publisher.module';
import { WebhookDeliveriesModule } from '../webhook-deliveries/webhook-deliveries.module';
import { EdgeBlockEventsService } from './edge-block-events.service';
import { EdgeEventsStreamConsumer } from './edge-events.consumer';
import { RegistrationEventsService } from './registration-events.service';
import { SipDomainAccounts } from './sip-domain-accounts';

/** Edge events: the edge's partitioned Redis streams → call records and webhook events, a round at a time. */
@Module({
  imports: [WebhookPublisherModule, WebhookDeliveriesModule],
  providers: [
    EdgeEventsStreamConsumer,
    CallRecordsService,
    RegistrationEventsService,
    SipDomainAccounts,
    EdgeBlockEventsService,
  ],
})
export class EdgeEventsModule {}
