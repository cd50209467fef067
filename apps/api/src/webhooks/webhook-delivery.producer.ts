import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { QueueName, type WebhookDeliveryJob } from '@callwire/queues';
import { WEBHOOK_DELIVERY_JOB_NAME, webhookDeliveryJobOptions } from '@callwire/webhooks';

/** The API never POSTs to endpoints itself: a replayed delivery goes back to the worker's queue. */
@Injectable()
export class WebhookDeliveryProducer {
  constructor(@InjectQueue(QueueName.WebhookDelivery) private readonly queue: Queue<WebhookDeliveryJob>) {}

  /**
   * Queues the delivery now. Its job may still exist: waiting for a retry (then it runs now) or running
   * (then the worker sees the restarted row and runs it again).
   */
  async deliverNow(deliveryId: string): Promise<void> {
    const job = await this.queue.add(WEBHOOK_DELIVERY_JOB_NAME, { deliveryId }, webhookDeliveryJobOptions(deliveryId));
    if (await job.isDelayed()) await job.promote().catch(() => undefined); // it may just have left the delayed set
  }
}
