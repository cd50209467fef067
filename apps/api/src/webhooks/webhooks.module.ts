import { Module } from '@nestjs/common';
import { EgressModule } from '@callwire/egress';
import { QueueName, QueuesModule } from '@callwire/queues';
import { WebhookDeliveriesController } from './webhook-deliveries.controller';
import { WebhookDeliveryProducer } from './webhook-delivery.producer';
import { WebhooksController } from './webhooks.controller';
import { WebhooksRepository } from './webhooks.repository';
import { WebhooksService } from './webhooks.service';

@Module({
  imports: [QueuesModule.registerQueues(QueueName.WebhookDelivery), EgressModule],
  controllers: [WebhooksController, WebhookDeliveriesController],
  providers: [WebhooksRepository, WebhookDeliveryProducer, WebhooksService],
})
export class WebhooksModule {}
