import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger } from '@nestjs/common';
import { DelayedError, type Job, type Queue } from 'bullmq';
import { CALLWIRE_CONFIG, type CallwireConfig } from '@callwire/config';
import { LiveEventsPublisher, QueueName, type WebhookDeliveryJob } from '@callwire/queues';
import { SecretDecryptionError, type WebhookPayload, decryptSecret } from '@callwire/webhooks';
import { nextDeliveryState } from './delivery-state';
import {
  type DeliveryWithContext,
  type FailedEndpoint,
  type OrderedEvent,
  WebhookDeliveriesRepository,
} from './webhook-deliveries.repository';
import { WebhookEventPublisher } from '../webhook-events/webhook-event.publisher';
import { type AttemptOutcome, WebhookSender } from './webhook.sender';

/** Deliveries are network-bound: many run at once. */
const CONCURRENCY = 32;
/** A job whose worker died is taken over after about lockDuration + stalledInterval. */
const LOCK_DURATION_MS = 10_000;
const STALLED_INTERVAL_MS = 5_000;
/** A job that runs a little early (clock skew, a promoted retry) is not sent before its row says so. */
const EARLY_SLACK_MS = 50;
/** How often an event waiting for an earlier one checks again (the earlier one's end also wakes it). */
const ORDERING_RECHECK_MS = 20;
const MAX_ORDERING_WAIT_MS = 30_000;

type JobLog = Pick<Logger, 'log' | 'warn' | 'debug'>;

/** A logger whose lines carry the job's delivery, event and account (never the secret or the body). */
function jobLog(logger: Logger, delivery: DeliveryWithContext): JobLog {
  const context = `delivery=${delivery.id} event=${delivery.eventId} account=${delivery.event.accountId}`;
  return {
    log: (message: string) => logger.log(`${message} [${context}]`),
    warn: (message: string) => logger.warn(`${message} [${context}]`),
    debug: (message: string) => logger.debug(`${message} [${context}]`),
  };
}

function payloadOf({ event }: DeliveryWithContext): WebhookPayload {
  return {
    id: event.id,
    type: event.type as WebhookPayload['type'],
    createdAt: event.createdAt.toISOString(),
    accountId: event.accountId,
    data: event.data as Record<string, unknown>,
  };
}

function orderedEvent({ event }: DeliveryWithContext): OrderedEvent | null {
  return event.orderingKey === null
    ? null
    : { id: event.id, accountId: event.accountId, orderingKey: event.orderingKey, createdAt: event.createdAt };
}

/**
 * Delivers one event to one endpoint (job id = delivery id): signs and POSTs it, records the attempt, and
 * re-delays the same job for the next retry of the schedule. The delivery row is the source of truth; the
 * job only says "look at this delivery now". Events sharing an ordering key wait for the earlier ones.
 */
@Processor(QueueName.WebhookDelivery, {
  concurrency: CONCURRENCY,
  lockDuration: LOCK_DURATION_MS,
  stalledInterval: STALLED_INTERVAL_MS,
})
export class WebhookDeliveryProcessor extends WorkerHost {
  private readonly logger = new Logger(WebhookDeliveryProcessor.name);

  constructor(
    @Inject(CALLWIRE_CONFIG) private readonly config: CallwireConfig,
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly sender: WebhookSender,
    private readonly publisher: WebhookEventPublisher,
    @InjectQueue(QueueName.WebhookDelivery) private readonly queue: Queue<WebhookDeliveryJob>,
    private readonly live: LiveEventsPublisher,
  ) {
    super();
  }

  async process(job: Job<WebhookDeliveryJob>, token?: string): Promise<void> {
    const delivery = await this.deliveries.load(job.data.deliveryId);
    if (!delivery || delivery.state !== 'pending') return; // deleted with its endpoint, or already done
    const log = jobLog(this.logger, delivery);
    if (!delivery.endpoint.enabled) {
      await this.deliveries.abandon(delivery.id, 'endpoint disabled');
      log.log('not delivered: the endpoint is disabled');
      return this.wakeNext(delivery);
    }
    const now = Date.now();
    const dueAt = delivery.nextAttemptAt?.getTime() ?? now;
    if (dueAt > now + EARLY_SLACK_MS) return this.delay(job, token, dueAt);
    const ordered = orderedEvent(delivery);
    if (ordered) {
      const earlier = await this.deliveries.findEarlierPending(delivery.endpointId, ordered);
      if (earlier) {
        const earlierDue = earlier.nextAttemptAt?.getTime() ?? now;
        const wait =
          earlierDue > now
            ? Math.min(earlierDue - now + ORDERING_RECHECK_MS, MAX_ORDERING_WAIT_MS)
            : ORDERING_RECHECK_MS;
        log.debug(`waiting for delivery ${earlier.id} of an earlier event with the same ordering key`);
        return this.delay(job, token, now + wait);
      }
    }
    let secret: string;
    try {
      secret = decryptSecret(this.config.webhooks.encryptionKey, delivery.endpoint.secretEncrypted);
    } catch (error) {
      if (!(error instanceof SecretDecryptionError)) throw error;
      await this.deliveries.abandon(
        delivery.id,
        'the signing secret cannot be decrypted (WEBHOOK_ENCRYPTION_KEY changed?)',
      );
      log.warn('not delivered: the signing secret does not decrypt with WEBHOOK_ENCRYPTION_KEY');
      return;
    }
    // Changed since loaded (restarted by a replay): look again with the fresh row.
    if (!(await this.deliveries.claimAttempt(delivery.id, delivery.attempts)))
      return this.delay(job, token, Date.now());
    const outcome = await this.sender.send(
      delivery.endpoint.url,
      secret,
      delivery.eventId,
      JSON.stringify(payloadOf(delivery)),
    );
    await this.settle(job, token, delivery, outcome, log);
    this.live.publish(delivery.event.accountId, 'webhook-deliveries');
  }

  /** Saves what nextDeliveryState decided; a delivery restarted meanwhile (a replay) is looked at again. */
  private async settle(
    job: Job<WebhookDeliveryJob>,
    token: string | undefined,
    delivery: DeliveryWithContext,
    outcome: AttemptOutcome,
    log: JobLog,
  ): Promise<void> {
    const schedule = { retryScheduleMs: this.config.webhooks.retryScheduleMs, now: Date.now() };
    const next = nextDeliveryState(delivery, outcome, schedule);
    const { attempt, record } = next;
    switch (next.state) {
      case 'succeeded': {
        if (!(await this.deliveries.recordSuccess(delivery.id, delivery.endpointId, attempt, record)))
          return this.delay(job, token, Date.now());
        log.debug(`delivered: HTTP ${outcome.statusCode} in ${outcome.latencyMs} ms (attempt ${attempt})`);
        return this.wakeNext(delivery);
      }
      case 'pending': {
        const recorded = await this.deliveries.recordAttempt(delivery.id, attempt, record);
        log.warn(`attempt ${attempt} failed (${record.lastError}), retrying at ${next.nextAttemptAt.toISOString()}`);
        return this.delay(job, token, recorded ? next.nextAttemptAt.getTime() : Date.now());
      }
      case 'failed': {
        const endpoint = await this.deliveries.recordFinalFailure(delivery.id, delivery.endpointId, attempt, record);
        if (!endpoint) return this.delay(job, token, Date.now());
        log.warn(`failed for good after ${attempt} attempt(s): ${record.lastError}`);
        await this.disableIfFailing(endpoint, record.lastError ?? '');
        return this.wakeNext(delivery);
      }
    }
  }

  /** After WEBHOOK_DISABLE_AFTER_FAILURES deliveries in a row failed, the endpoint is disabled and the account told. */
  private async disableIfFailing(endpoint: FailedEndpoint, lastError: string): Promise<void> {
    const threshold = this.config.webhooks.disableAfterFailures;
    if (threshold === 0 || !endpoint.enabled || endpoint.failureStreak < threshold) return;
    const reason = `${endpoint.failureStreak} deliveries in a row failed (last: ${lastError})`;
    if (!(await this.deliveries.disableEndpoint(endpoint.id, reason))) return;
    this.logger.warn(`disabled webhook endpoint ${endpoint.id} of account ${endpoint.accountId}: ${reason}`);
    await this.publisher.publish({
      accountId: endpoint.accountId,
      type: 'webhook.disabled',
      data: { endpointId: endpoint.id, url: endpoint.url, reason },
    });
  }

  /** The next event with the same ordering key need not wait for its periodic check. */
  private async wakeNext(delivery: DeliveryWithContext): Promise<void> {
    const ordered = orderedEvent(delivery);
    if (!ordered) return;
    const nextId = await this.deliveries.findNextPending(delivery.endpointId, ordered);
    if (!nextId) return;
    const next = await this.queue.getJob(nextId);
    // It may be running or just leaving the delayed set: then it sees the outcome anyway.
    if (next && (await next.isDelayed())) await next.promote().catch(() => undefined);
  }

  /** Runs this job again at `timestamp` (the same job: its id stays the delivery id). */
  private async delay(job: Job<WebhookDeliveryJob>, token: string | undefined, timestamp: number): Promise<never> {
    await job.moveToDelayed(timestamp, token);
    throw new DelayedError();
  }
}
