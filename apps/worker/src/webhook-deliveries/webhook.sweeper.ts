import { InjectQueue } from '@nestjs/bullmq';
import { type BeforeApplicationShutdown, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { QueueName, type WebhookDeliveryJob } from '@callwire/queues';
import { WEBHOOK_DELIVERY_JOB_NAME, webhookDeliveryJobOptions } from '@callwire/webhooks';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository';

const SWEEP_INTERVAL_MS = 10_000;
/**
 * Deliveries this long overdue without a job are queued again. Publishers queue theirs within
 * milliseconds; a minute keeps the sweeper off deliveries that are merely late (a backlog, a slow attempt).
 */
const OVERDUE_MS = 60_000;
const BATCH_SIZE = 200;
const MAX_PER_SWEEP = 5_000;

/**
 * Makes "stored" mean "will be delivered": queues pending deliveries whose job is missing, e.g. when a
 * worker died between storing an event and queueing it, or Redis lost its data. Every worker runs it;
 * the job id (the delivery id) makes adding one twice harmless.
 */
@Injectable()
export class WebhookSweeper implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WebhookSweeper.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly deliveries: WebhookDeliveriesRepository,
    @InjectQueue(QueueName.WebhookDelivery) private readonly queue: Queue<WebhookDeliveryJob>,
  ) {}

  /** Sweeps at once (what a crashed worker left), then periodically. */
  onApplicationBootstrap(): void {
    const tick = () => {
      this.running = this.sweep().catch((error: unknown) => this.logger.warn(`sweep failed: ${String(error)}`));
    };
    tick();
    this.timer = setInterval(tick, SWEEP_INTERVAL_MS);
  }

  /** Before the database closes: no new sweep, and the running one finishes. */
  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Queues the overdue pending deliveries that have no job; returns how many. */
  async sweep(now = new Date()): Promise<number> {
    const dueBefore = new Date(now.getTime() - OVERDUE_MS);
    let queued = 0;
    let afterId: string | null = null;
    for (let seen = 0; seen < MAX_PER_SWEEP; seen += BATCH_SIZE) {
      const ids = await this.deliveries.findDue(dueBefore, afterId, BATCH_SIZE);
      for (const id of ids) if (await this.requeueIfLost(id)) queued++;
      if (ids.length < BATCH_SIZE) break;
      afterId = ids[ids.length - 1] ?? null;
    }
    if (queued > 0) this.logger.warn(`queued ${queued} webhook deliveries that had no job`);
    return queued;
  }

  private async requeueIfLost(deliveryId: string): Promise<boolean> {
    const state = await this.queue.getJobState(deliveryId);
    if (state !== 'unknown' && state !== 'completed' && state !== 'failed') return false; // queued or running
    if (state !== 'unknown') await this.queue.remove(deliveryId); // a finished job would block the id
    await this.queue.add(WEBHOOK_DELIVERY_JOB_NAME, { deliveryId }, webhookDeliveryJobOptions(deliveryId));
    return true;
  }
}
