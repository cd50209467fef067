/** Attempts that may succeed later are retried: no answer, 429 (slow down) and 5xx. */
export function isRetryableStatus(statusCode: number): boolean {
  return statusCode === 429 || statusCode >= 500;
}

/** Retry delays vary by ±15% so that retries after an outage do not all arrive at once. */
const JITTER = 0.15;

/**
 * How long to wait after the given attempt (1-based) failed, or null when it was the last one: the
 * schedule lists the waits before attempts 2, 3, ….
 */
export function retryDelayMs(
  scheduleMs: readonly number[],
  attempt: number,
  random: () => number = Math.random,
): number | null {
  const base = scheduleMs[attempt - 1];
  if (base === undefined) return null;
  return Math.round(base * (1 - JITTER + 2 * JITTER * random()));
}
