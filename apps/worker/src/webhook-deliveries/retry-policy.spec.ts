import { isRetryableStatus, retryDelayMs } from './retry-policy';

describe('webhook retry policy', () => {
  it('retries 429 and 5xx, not other statuses', () => {
    expect([429, 500, 502, 503, 504].every(isRetryableStatus)).toBe(true);
    expect([301, 400, 401, 404, 410, 422].some(isRetryableStatus)).toBe(false);
  });

  it('follows the schedule with ±15% jitter and stops after its last entry', () => {
    const schedule = [5000, 300_000];
    expect(retryDelayMs(schedule, 1, () => 0.5)).toBe(5000);
    expect(retryDelayMs(schedule, 1, () => 0)).toBe(4250);
    expect(retryDelayMs(schedule, 1, () => 1)).toBe(5750);
    expect(retryDelayMs(schedule, 2, () => 0.5)).toBe(300_000);
    expect(retryDelayMs(schedule, 3)).toBeNull();
    expect(retryDelayMs([], 1)).toBeNull();
  });
});
