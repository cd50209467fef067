import { InjectQueue } from '@nestjs/bullmq';
import { type BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { CALLWIRE_CONFIG, type CallwireConfig } from '@callwire/config';
import { LiveEventsPublisher, QueueName, type WebhookDeliveryJob } from '@callwire/queues';
import { WEBHOOK_DELIVERY_JOB_NAME, decryptSecret, webhookDeliveryJobOptions } from '@callwire/webhooks';
import { nextDeliveryState } from './delivery-state';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import type { CreatedDelivery } from '../webhook-events/webhook-events.repository';
import { type AttemptOutcome, WebhookSender } from './webhook.sender';

/** A stored delivery with everything sending it needs. */
export interface OutgoingDelivery extends CreatedDelivery {
  readonly accountId: string;
  /** Deliveries with one ordering key (a call's id) reach an endpoint in order: the next waits for this one. */
  readonly orderingKey: string;
  /** The JSON payload, as the receiver gets it (and as it is signed). */
  readonly body: string;
}

/** The dispatcher makes first attempts: no attempt was made before. */
const NEVER_ATTEMPTED = { attempts: 0 };
/**
 * POSTs in flight per worker process (deliveries are network-bound): 600 webhooks/s to endpoints that answer
 * in 300 ms keep 180 in flight. With 64, a receiver slowed to 350 ms per answer capped a worker at ~180/s and
 * 1,200 deliveries queued for a slot (bench:webhooks, consumer's progress line).
 */
const MAX_IN_FLIGHT = 256;
/** Successes are written in batches: at most this many, or after this long. */
const RECORD_BATCH = 200;
const RECORD_EVERY_MS = 20;
/** Stranded deliveries handed to the queue per takeover, at most (the sweeper takes any rest). */
const RECOVER_LIMIT = 10_000;
/** A key whose delivery went to the queue sends its next ones through the queue too, for this long. */
const HANDED_OVER_MS = 10 * 60_000;

/**
 * Sends the deliveries a round of edge events created, in this process, right after the commit: no job per
 * delivery. Per endpoint and ordering key a chain keeps the order (the next event of a call waits until the
 * previous delivery is done); at most MAX_IN_FLIGHT POSTs run at once; successes are recorded in batched
 * UPDATEs. Anything else goes to the delivery queue, whose processor owns retries, final failures and endpoint
 * disabling: a failed first attempt is recorded with its retry time and queued for then, and the later
 * deliveries of that key follow it through the queue (its processor waits for earlier pending ones).
 * A crash loses no delivery: the rows are pending until recorded, and the sweeper queues overdue ones.
 */
@Injectable()
export class WebhookDispatcher implements BeforeApplicationShutdown {
  private readonly logger = new Logger(WebhookDispatcher.name);
  private readonly chains = new Map<string, Promise<void>>();
  private readonly handedOver = new Map<string, number>();
  private readonly secrets = new Map<string, { encrypted: Buffer; secret: string }>();
  private inFlight = 0;
  private readonly waiting: (() => void)[] = [];
  /** Since the last stats(): POSTs made, their total time, and the longest wait for a slot (MAX_IN_FLIGHT). */
  private counters = { posts: 0, postMs: 0, mostWaiting: 0 };
  private successes: { id: string; statusCode: number; latencyMs: number; accountId: string }[] = [];
  private flushTimer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    @Inject(CALLWIRE_CONFIG) private readonly config: CallwireConfig,
    private readonly sender: WebhookSender,
    private readonly deliveries: WebhookDeliveriesRepository,
    @InjectQueue(QueueName.WebhookDelivery) private readonly queue: Queue<WebhookDeliveryJob>,
    private readonly live: LiveEventsPublisher,
  ) {}

  /**
   * Starts sending (does not wait for the POSTs). `throughQueue`: their keys may have earlier deliveries that
   * another process stored and never sent (just after a shard changed owner), so these go to the delivery
   * queue, whose processor waits for earlier pending ones, and so do their keys' next ones for a while.
   */
  dispatch(deliveries: readonly OutgoingDelivery[], { throughQueue = false } = {}): void {
    for (const delivery of deliveries) {
      const key = `${delivery.endpointId} ${delivery.orderingKey}`;
      if (throughQueue) this.handedOver.set(key, Date.now() + HANDED_OVER_MS);
      const previous = this.chains.get(key) ?? Promise.resolve();
      const chain = previous.then(() => this.deliver(key, delivery));
      this.chains.set(key, chain);
      void chain.finally(() => {
        if (this.chains.get(key) === chain) this.chains.delete(key);
      });
    }
  }

  /**
   * Hands to the delivery queue the call deliveries stored before `createdBefore` and never attempted whose
   * call `isOurs` (its shard was just taken over): a worker that died after a commit left them unsent, and
   * the queue's processor keeps their order (it waits for earlier pending ones). Without this they would wait
   * for the sweeper's minute. Returns how many were queued (a delivery already queued is not queued twice).
   */
  async recoverStranded(isOurs: (sipCallId: string) => boolean, createdBefore: Date): Promise<number> {
    const stranded = (await this.deliveries.findNeverAttemptedCallDeliveries(createdBefore, RECOVER_LIMIT)).filter(
      (delivery) => isOurs(delivery.sipCallId),
    );
    if (stranded.length === 0) return 0;
    // The next deliveries of these keys follow them through the queue, not past them in this process.
    for (const { endpointId, orderingKey } of stranded) {
      this.handedOver.set(`${endpointId} ${orderingKey}`, Date.now() + HANDED_OVER_MS);
    }
    await this.queue.addBulk(
      stranded.map(({ id }) => ({
        name: WEBHOOK_DELIVERY_JOB_NAME,
        data: { deliveryId: id },
        opts: webhookDeliveryJobOptions(id),
      })),
    );
    this.logger.warn(
      `queued ${stranded.length} webhook deliveries a previous owner of their calls stored but never sent`,
    );
    return stranded.length;
  }

  /** For the consumer's progress line: POSTs since the last call, their mean time, and the most that waited for a slot. */
  stats(): string {
    const { posts, postMs, mostWaiting } = this.counters;
    this.counters = { posts: 0, postMs: 0, mostWaiting: this.waiting.length };
    const mean = posts > 0 ? Math.round(postMs / posts) : 0;
    return `${posts} webhooks POSTed (${mean} ms each on average), at most ${mostWaiting} waiting for one of ${MAX_IN_FLIGHT} slots`;
  }

  /** Before the database closes: the chains finish and their outcomes are written. */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.chains.values()]);
    await this.flush();
  }

  private async deliver(key: string, delivery: OutgoingDelivery): Promise<void> {
    try {
      const until = this.handedOver.get(key);
      if (until !== undefined && until > Date.now()) return await this.toQueue(delivery, 0);
      this.handedOver.delete(key);
      const secret = this.secretOf(delivery);
      await this.slot();
      let outcome: AttemptOutcome;
      try {
        outcome = await this.sender.send(delivery.url, secret, delivery.eventId, delivery.body);
      } finally {
        this.release();
      }
      this.counters.posts++;
      this.counters.postMs += outcome.latencyMs;
      if (outcome.ok) return this.recordSuccess(delivery, outcome.statusCode, outcome.latencyMs);
      const now = Date.now();
      const schedule = { retryScheduleMs: this.config.webhooks.retryScheduleMs, now };
      const next = nextDeliveryState(NEVER_ATTEMPTED, outcome, schedule);
      this.handedOver.set(key, now + HANDED_OVER_MS);
      if (next.state !== 'pending') return await this.toQueue(delivery, 0); // its processor records the final failure
      await this.flush(); // the earlier deliveries of the key are recorded before the queue looks at them
      const { state: _pending, ...record } = next.record;
      const recorded = await this.deliveries.recordFirstFailure(delivery.deliveryId, record);
      this.logger.warn(
        `attempt 1 failed (${record.lastError}), retrying at ${next.nextAttemptAt.toISOString()} ` +
          `[delivery=${delivery.deliveryId} event=${delivery.eventId} account=${delivery.accountId}]`,
      );
      await this.toQueue(delivery, recorded ? Math.max(0, next.nextAttemptAt.getTime() - Date.now()) : 0);
    } catch (error) {
      // Not sent, or sent and not recorded: the row is still pending, the queue (or the sweeper) takes it.
      this.logger.warn(`delivery ${delivery.deliveryId}: ${String(error)}; handing it to the delivery queue`);
      this.handedOver.set(key, Date.now() + HANDED_OVER_MS);
      await this.toQueue(delivery, 0).catch(() => undefined);
    }
  }

  /** The endpoint's secret, decrypted once per endpoint (and again after a rotation). */
  private secretOf(delivery: OutgoingDelivery): string {
    const encrypted = Buffer.from(delivery.secretEncrypted);
    const cached = this.secrets.get(delivery.endpointId);
    if (cached?.encrypted.equals(encrypted)) return cached.secret;
    const secret = decryptSecret(this.config.webhooks.encryptionKey, encrypted);
    this.secrets.set(delivery.endpointId, { encrypted, secret });
    return secret;
  }

  private async toQueue(delivery: OutgoingDelivery, delay: number): Promise<void> {
    await this.flush();
    await this.queue.add(
      WEBHOOK_DELIVERY_JOB_NAME,
      { deliveryId: delivery.deliveryId },
      { ...webhookDeliveryJobOptions(delivery.deliveryId), delay },
    );
  }

  private recordSuccess(delivery: OutgoingDelivery, statusCode: number, latencyMs: number): void {
    this.successes.push({ id: delivery.deliveryId, statusCode, latencyMs, accountId: delivery.accountId });
    if (this.successes.length >= RECORD_BATCH) void this.flush();
    else this.flushTimer ??= setTimeout(() => void this.flush(), RECORD_EVERY_MS);
  }

  /** Writes the successes so far (one statement); failures to write leave the rows pending for the sweeper. */
  private flush(): Promise<void> {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    const batch = this.successes;
    this.successes = [];
    this.flushing = this.flushing.then(async () => {
      if (batch.length === 0) return;
      try {
        await this.deliveries.recordFirstSuccesses(batch);
        for (const accountId of new Set(batch.map((success) => success.accountId))) {
          this.live.publish(accountId, 'webhook-deliveries');
        }
      } catch (error) {
        this.logger.warn(
          `could not record ${batch.length} delivered webhooks (the sweeper sends them again): ${String(error)}`,
        );
      }
    });
    return this.flushing;
  }

  private async slot(): Promise<void> {
    if (this.inFlight < MAX_IN_FLIGHT) {
      this.inFlight++;
      return;
    }
    await new Promise<void>((resolve) => {
      this.waiting.push(resolve);
      this.counters.mostWaiting = Math.max(this.counters.mostWaiting, this.waiting.length);
    });
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.inFlight--;
  }
}
