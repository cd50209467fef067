import { retryDelayMs } from './retry-policy';
import type { AttemptRecord } from './webhook-deliveries.repository';
import type { AttemptOutcome } from './webhook.sender';

/** When attempts are retried: WEBHOOK_RETRY_SCHEDULE's waits before attempts 2, 3, …, from `now`. */
export interface DeliverySchedule {
  readonly retryScheduleMs: readonly number[];
  /** Unix time in ms the attempt ended. */
  readonly now: number;
  /** For the retry jitter (Math.random unless given). */
  readonly random?: () => number;
}

/** What a delivery becomes after an attempt: the row to save, and which of the three ways it went. */
export type DeliveryDecision =
  | { readonly state: 'succeeded'; readonly attempt: number; readonly record: AttemptRecord }
  | {
      readonly state: 'pending';
      readonly attempt: number;
      readonly record: AttemptRecord;
      readonly nextAttemptAt: Date;
    }
  | { readonly state: 'failed'; readonly attempt: number; readonly record: AttemptRecord };

/**
 * The delivery's next state after an attempt. `delivery.attempts` counts the attempts made before this one
 * (as the row was loaded). A 2xx succeeds; a failure that may pass (no answer, 429, 5xx) stays pending until
 * the schedule's next wait (with jitter), while the schedule lasts; anything else fails for good. Pure: the
 * caller loads the delivery, makes the attempt and saves what this returns.
 */
export function nextDeliveryState(
  delivery: { readonly attempts: number },
  outcome: AttemptOutcome,
  schedule: DeliverySchedule,
): DeliveryDecision {
  const attempt = delivery.attempts + 1;
  const last = {
    lastStatusCode: outcome.statusCode,
    lastLatencyMs: outcome.latencyMs,
    lastError: outcome.ok ? null : outcome.error,
  };
  if (outcome.ok) {
    return { state: 'succeeded', attempt, record: { state: 'succeeded', ...last, nextAttemptAt: null } };
  }
  const retryIn = outcome.retryable ? retryDelayMs(schedule.retryScheduleMs, attempt, schedule.random) : null;
  if (retryIn === null) return { state: 'failed', attempt, record: { state: 'failed', ...last, nextAttemptAt: null } };
  const nextAttemptAt = new Date(schedule.now + retryIn);
  return { state: 'pending', attempt, nextAttemptAt, record: { state: 'pending', ...last, nextAttemptAt } };
}
