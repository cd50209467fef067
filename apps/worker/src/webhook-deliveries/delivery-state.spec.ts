import { nextDeliveryState } from './delivery-state';
import type { AttemptOutcome } from './webhook.sender';

const NOW = Date.parse('2026-01-01T00:00:00Z');
/** Waits before attempts 2 and 3; random() = 0.5 means no jitter. */
const schedule = { retryScheduleMs: [10_000, 60_000], now: NOW, random: () => 0.5 };
const failure = (statusCode: number | null, error: string, retryable: boolean): AttemptOutcome => ({
  ok: false,
  statusCode,
  latencyMs: 12,
  error,
  retryable,
});

describe('nextDeliveryState', () => {
  it('a 2xx succeeds: no error, nothing due', () => {
    expect(nextDeliveryState({ attempts: 2 }, { ok: true, statusCode: 204, latencyMs: 7 }, schedule)).toEqual({
      state: 'succeeded',
      attempt: 3,
      record: { state: 'succeeded', lastStatusCode: 204, lastLatencyMs: 7, lastError: null, nextAttemptAt: null },
    });
  });

  it('a retryable failure stays pending until the wait the schedule gives after that attempt', () => {
    const first = nextDeliveryState({ attempts: 0 }, failure(503, 'HTTP 503', true), schedule);
    expect(first).toEqual({
      state: 'pending',
      attempt: 1,
      nextAttemptAt: new Date(NOW + 10_000),
      record: {
        state: 'pending',
        lastStatusCode: 503,
        lastLatencyMs: 12,
        lastError: 'HTTP 503',
        nextAttemptAt: new Date(NOW + 10_000),
      },
    });
    const second = nextDeliveryState({ attempts: 1 }, failure(null, 'timeout after 5000 ms', true), schedule);
    expect(second).toMatchObject({ state: 'pending', attempt: 2, nextAttemptAt: new Date(NOW + 60_000) });
    expect(second.record).toMatchObject({ lastStatusCode: null, lastError: 'timeout after 5000 ms' });
  });

  it('the wait varies by ±15%', () => {
    const earliest = nextDeliveryState({ attempts: 0 }, failure(500, 'HTTP 500', true), {
      ...schedule,
      random: () => 0,
    });
    const latest = nextDeliveryState({ attempts: 0 }, failure(500, 'HTTP 500', true), { ...schedule, random: () => 1 });
    expect(earliest).toMatchObject({ nextAttemptAt: new Date(NOW + 8_500) });
    expect(latest).toMatchObject({ nextAttemptAt: new Date(NOW + 11_500) });
  });

  it('fails for good once the schedule is exhausted, or at once when trying again cannot help', () => {
    const exhausted = nextDeliveryState({ attempts: 2 }, failure(503, 'HTTP 503', true), schedule);
    expect(exhausted).toEqual({
      state: 'failed',
      attempt: 3,
      record: { state: 'failed', lastStatusCode: 503, lastLatencyMs: 12, lastError: 'HTTP 503', nextAttemptAt: null },
    });
    expect(nextDeliveryState({ attempts: 0 }, failure(410, 'HTTP 410', false), schedule)).toMatchObject({
      state: 'failed',
      attempt: 1,
    });
    expect(nextDeliveryState({ attempts: 0 }, failure(null, 'destination not allowed', false), schedule)).toMatchObject(
      { state: 'failed', record: { lastError: 'destination not allowed' } },
    );
    expect(
      nextDeliveryState({ attempts: 0 }, failure(503, 'HTTP 503', true), { ...schedule, retryScheduleMs: [] }),
    ).toMatchObject({
      state: 'failed',
    });
  });
});
