import { setTimeout as sleep } from 'node:timers/promises';

export interface EventuallyOptions {
  /** Give up after this long (default 10 s). */
  readonly timeoutMs?: number;
  /** Pause between two attempts (default 50 ms). */
  readonly intervalMs?: number;
  /** What is awaited, e.g. "the call record to end": the failure says "waiting for <description>: …". */
  readonly description?: string;
}

/** Thrown by a check when waiting longer cannot help (e.g. the process it waits for exited): no more attempts. */
export class GiveUp extends Error {
  override readonly name = 'GiveUp';
}

const NOT_YET = Symbol('not yet');

/**
 * Retries `check` until it passes, and returns what it returned. It passes when it neither throws nor returns
 * (or resolves to) `false`, so both an `expect()` and a predicate work. After `timeoutMs` it fails with the
 * description and the last attempt's error; an attempt still running then counts as failed (its result is
 * ignored). This is how specs wait for something asynchronous: never a fixed sleep.
 */
export async function eventually<T>(
  check: () => T | Promise<T>,
  options: EventuallyOptions = {},
): Promise<Exclude<T, false>> {
  const { timeoutMs = 10_000, intervalMs = 50, description = 'the check to pass' } = options;
  const deadline = Date.now() + timeoutMs;
  let attempts = 0;
  let last: unknown;
  for (;;) {
    attempts++;
    const attempt = Promise.resolve().then(check);
    attempt.catch(() => undefined); // an attempt that outlives the deadline must not reject unhandled
    let deadlineTimer: NodeJS.Timeout | undefined;
    const deadlinePassed = new Promise<typeof NOT_YET>((resolve) => {
      deadlineTimer = setTimeout(() => resolve(NOT_YET), Math.max(0, deadline - Date.now()));
    });
    try {
      const value = await Promise.race([attempt, deadlinePassed]);
      if (value === NOT_YET) {
        last = new Error(`attempt ${attempts} was still running`);
      } else if (value !== false) {
        return value as Exclude<T, false>;
      } else {
        last = new Error('the check returned false');
      }
    } catch (error) {
      if (error instanceof GiveUp) throw error;
      last = error;
    } finally {
      clearTimeout(deadlineTimer);
    }
    const left = deadline - Date.now();
    if (left <= 0) break;
    await sleep(Math.min(intervalMs, left));
  }
  const reason = last instanceof Error ? last.message : String(last);
  const tries = `${attempts} attempt${attempts === 1 ? '' : 's'}`;
  throw new Error(`waiting for ${description}: timed out after ${timeoutMs} ms (${tries}). Last: ${reason}`, {
    cause: last,
  });
}
