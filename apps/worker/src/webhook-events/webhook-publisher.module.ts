import { Module } from '@nestjs/common';
import { QueueName, QueuesModule } from '@callwire/queues';
import { WebhookEventPublisher } from './webhook-event.publisher';
import { WebhookEventsRepository } from './webhook-events.repository';

/** Only the publishing side: for code that emits events without running deliveries (and for tests). */
@Module({
  imports: [QueuesModule.registerQueues(QueueName.WebhookDelivery)],
  providers: [WebhookEventsRepository, WebhookEventPublisher],
  exports: [WebhookEventPublisher, WebhookEventsRepository],
})
export class WebhookPublisherModule {}
