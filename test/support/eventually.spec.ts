import { GiveUp, eventually } from './eventually';

/** A check that fails `failures` times (throwing, or returning false), then passes with `value`. */
function passingAfter<T>(failures: number, value: T, fail: 'throw' | 'false' = 'throw') {
  const calls = { count: 0 };
  const check = async (): Promise<T | false> => {
    calls.count++;
    if (calls.count <= failures) {
      if (fail === 'false') return false;
      throw new Error(`not yet (${calls.count})`);
    }
    return value;
  };
  return { calls, check };
}

describe('eventually', () => {
  it('retries a throwing check until it passes and returns its value', async () => {
    const { calls, check } = passingAfter(3, { id: 'call-1' });
    await expect(eventually(check, { intervalMs: 1 })).resolves.toEqual({ id: 'call-1' });
    expect(calls.count).toBe(4);
  });

  it('retries a check that returns false; any other value passes, undefined and 0 included', async () => {
    const { calls, check } = passingAfter(2, 0, 'false');
    await expect(eventually(check, { intervalMs: 1 })).resolves.toBe(0);
    expect(calls.count).toBe(3);
    await expect(eventually(() => undefined)).resolves.toBeUndefined();
  });

  it('takes expect() failures as not yet', async () => {
    let polls = 0;
    await eventually(() => expect(++polls).toBeGreaterThanOrEqual(3), { intervalMs: 1 });
    expect(polls).toBe(3);
  });

  it('calls a passing check once', async () => {
    const { calls, check } = passingAfter(0, 'ok');
    await eventually(check);
    expect(calls.count).toBe(1);
  });

  it('fails with the description and the last error, which it keeps as the cause', async () => {
    const { calls, check } = passingAfter(Infinity, 'never');
    const failure = await eventually(check, { timeoutMs: 30, intervalMs: 5, description: 'the call record to end' })
      .then(() => undefined)
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    const { message, cause } = failure as Error;
    expect(message).toMatch(
      /^waiting for the call record to end: timed out after 30 ms \(\d+ attempts?\)\. Last: not yet \(\d+\)$/,
    );
    expect(message).toContain(`(${calls.count} attempts)`);
    expect(message).toContain(`not yet (${calls.count})`);
    expect(cause).toEqual(new Error(`not yet (${calls.count})`));
  });

  it('says so when the check kept returning false', async () => {
    await expect(eventually(() => false, { timeoutMs: 10, intervalMs: 1 })).rejects.toThrow(
      /^waiting for the check to pass: timed out after 10 ms \(\d+ attempts?\)\. Last: the check returned false$/,
    );
  });

  it('gives up on an attempt that is still running at the deadline', async () => {
    const hanging = () => new Promise<never>(() => undefined);
    await expect(eventually(hanging, { timeoutMs: 20, description: 'an answer' })).rejects.toThrow(
      'waiting for an answer: timed out after 20 ms (1 attempt). Last: attempt 1 was still running',
    );
  });

  it('stops at once when the check gives up', async () => {
    let calls = 0;
    const exited = async () => {
      calls++;
      throw new GiveUp('the process exited');
    };
    await expect(eventually(exited, { timeoutMs: 60_000 })).rejects.toThrow(new GiveUp('the process exited'));
    expect(calls).toBe(1);
  });
});
