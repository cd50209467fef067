import { Module } from '@nestjs/common';
import { EgressModule } from '@callwire/egress';
import { QueueName, QueuesModule } from '@callwire/queues';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import { WebhookDispatcher } from './webhook-dispatch';
import { WebhookDeliveryProcessor } from './webhook-delivery.processor';
import { WebhookPublisherModule } from '../webhook-events/webhook-publisher.module';
import { WebhookSender } from './webhook.sender';
import { WebhookSweeper } from './webhook.sweeper';

/**
 * Webhook delivery: the in-process dispatcher (first attempts of the edge events' deliveries), the processor
 * of QueueName.WebhookDelivery (everything else, retries) and the sweeper. Import it to publish events: it
 * exports WebhookEventPublisher.
 */
@Module({
  imports: [QueuesModule.registerQueues(QueueName.WebhookDelivery), WebhookPublisherModule, EgressModule],
  providers: [WebhookDeliveriesRepository, WebhookSender, WebhookDeliveryProcessor, WebhookSweeper, WebhookDispatcher],
  exports: [WebhookPublisherModule, WebhookDispatcher],
})
export class WebhookDeliveriesModule {}
