import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { QueueName, type WebhookDeliveryJob } from '@callwire/queues';
import { WEBHOOK_DELIVERY_JOB_NAME, webhookDeliveryJobOptions } from '@callwire/webhooks';
import { type NewWebhookEvent, type StoredWebhookEvent, WebhookEventsRepository } from './webhook-events.repository';

/** What a step publishes: the event as stored (see NewWebhookEvent). */
export type PublishWebhookEvent = NewWebhookEvent;

export interface PublishedWebhookEvent {
  readonly eventId: string | null;
  /** The deliveries queued: one per subscribed endpoint (the pending ones of a duplicate). */
  readonly deliveryIds: string[];
  readonly duplicate: boolean;
}

/**
 * Turns something that happened into webhook deliveries. Stores the event and its deliveries in one
 * transaction, then queues them. A crash in between loses nothing: the sweeper queues pending deliveries
 * that have no job.
 */
@Injectable()
export class WebhookEventPublisher {
  private readonly logger = new Logger(WebhookEventPublisher.name);

  constructor(
    private readonly events: WebhookEventsRepository,
    @InjectQueue(QueueName.WebhookDelivery) private readonly queue: Queue<WebhookDeliveryJob>,
  ) {}

  /**
   * Resolves once the event is stored: eventId null when no enabled endpoint subscribes to it. Idempotent
   * per (accountId, orderingKey, type): a repeat stores nothing (`duplicate`), returns the first event's id
   * and queues its pending deliveries again (harmless: job id = delivery id), in case the first publisher
   * died before queueing them.
   */
  async publish(input: PublishWebhookEvent): Promise<PublishedWebhookEvent> {
    const stored = await this.events.createWithDeliveries(input, new Date());
    if (!stored) return { eventId: null, deliveryIds: [], duplicate: false };
    await this.enqueue(stored);
    return stored;
  }

  private async enqueue({ eventId, deliveryIds }: StoredWebhookEvent): Promise<void> {
    if (deliveryIds.length === 0) return;
    try {
      await this.queue.addBulk(
        deliveryIds.map((deliveryId) => ({
          name: WEBHOOK_DELIVERY_JOB_NAME,
          data: { deliveryId },
          opts: webhookDeliveryJobOptions(deliveryId),
        })),
      );
    } catch (error) {
      // Stored: the sweeper queues them shortly. Failing here would make the caller publish it twice.
      this.logger.warn(`could not queue the deliveries of event ${eventId}, the sweeper will: ${String(error)}`);
    }
  }
}
