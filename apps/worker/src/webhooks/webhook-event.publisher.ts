import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { QueueName, type WebhookDeliveryJob } from '@callwire/queues';
import { WEBHOOK_DELIVERY_JOB_NAME, type WebhookEventType, webhookDeliveryJobOptions } from '@callwire/webhooks';
import { type StoredWebhookEvent, WebhookEventsRepository } from './webhook-events.repository';

export interface PublishWebhookEvent {
  readonly accountId: string;
  readonly type: WebhookEventType;
  /** The event's `data` as receivers get it (JSON). */
  readonly data: Record<string, unknown>;
  /** Events with the same key (e.g. a call's id) reach each endpoint in order: the next one waits. */
  readonly orderingKey?: string;
  /** When it happened (default now): the payload's createdAt, and the order of events with one key. */
  readonly createdAt?: Date;
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

  /** Resolves once the event is stored (eventId null when no endpoint subscribes to it). */
  async publish(input: PublishWebhookEvent): Promise<{ eventId: string | null; deliveryIds: string[] }> {
    const stored = await this.events.createWithDeliveries(input, new Date());
    if (!stored) return { eventId: null, deliveryIds: [] };
    await this.enqueue(stored);
    return stored;
  }

  private async enqueue({ eventId, deliveryIds }: StoredWebhookEvent): Promise<void> {
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
