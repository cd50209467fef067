import { ApiHarness } from '../support/api-harness';
import { ApiProcess, type SourceResponse } from '../support/api-process';
import { eventually } from '../support/eventually';
import { freeSipPort } from '../support/free-port';
import { isolateQueues } from '../support/test-run';

/** Realistic low limits (the rest of the suite runs with them raised, see global-setup.ts). */
const LIMITS = {
  API_RATE_LIMIT_PER_IP: '20',
  API_RATE_LIMIT_PER_KEY: '10',
  API_RATE_LIMIT_PER_ACCOUNT: '15',
  API_AUTH_FAIL_LIMIT: '5',
  API_AUTH_FAIL_WINDOW_S: '60',
  API_AUTH_BLOCK_S: '120',
};

type Tenant = { accountId: string; sipDomain: string; key: string };

/** Each test speaks from its own loopback address: to the API, another source. */
let nextSource = 10;
const newSource = (): string => `127.0.0.${nextSource++}`;

const expectTooManyRequests = (response: SourceResponse, detail: RegExp): number => {
  expect(response.status).toBe(429);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.body).toMatchObject({
    status: 429,
    title: 'Too Many Requests',
    detail: expect.stringMatching(detail),
  });
  const retryAfter = Number(response.headers['retry-after']);
  expect(Number.isInteger(retryAfter) && retryAfter >= 1).toBe(true);
  return retryAfter;
};

describe('API rate limits (e2e: two API processes sharing Redis)', () => {
  let setup: ApiHarness;
  let a: ApiProcess;
  let b: ApiProcess;
  let acme: Tenant;
  let globex: Tenant;
  const both = (): ApiProcess[] => [a, b];

  beforeAll(async () => {
    isolateQueues('rate-limits');
    // Accounts and keys are made through an in-process API with the suite's raised limits.
    setup = await ApiHarness.start();
    acme = await setup.createTenant('Limits Acme');
    globex = await setup.createTenant('Limits Globex');
    [a, b] = await Promise.all([ApiProcess.start(LIMITS), ApiProcess.start(LIMITS)]);
  }, 90_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await setup?.close();
  });

  it('counts a source across both processes: once one is exhausted, the other answers 429 too', async () => {
    const source = newSource();
    const exhaust = async (): Promise<SourceResponse[]> => {
      const seen: SourceResponse[] = [];
      for (let i = 0; i < 40 && (seen.at(-1)?.status ?? 200) !== 429; i++) {
        seen.push(await a.request(source, 'GET', '/v1/accounts', { key: setup.adminKey }));
      }
      return seen;
    };
    const first = await exhaust();
    const ok = first.filter((response) => response.status === 200);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    expect(ok[0]?.headers['ratelimit-policy']).toBe('"ip";q=20;w=1, "key";q=10;w=1');
    expect(ok[0]?.headers.ratelimit).toMatch(/^"ip";r=\d+;t=1, "key";r=\d+;t=1$/);
    expectTooManyRequests(first.at(-1)!, /per second (from this address|with this key)/);

    // Right after A refused, B refuses as well. On a busy machine the one-second window may end in between:
    // then exhaust again (a count per process would never refuse B's first request).
    let fromB = await b.request(source, 'GET', '/v1/accounts', { key: setup.adminKey });
    for (let attempt = 0; attempt < 4 && fromB.status !== 429; attempt++) {
      expect((await exhaust()).at(-1)?.status).toBe(429);
      fromB = await b.request(source, 'GET', '/v1/accounts', { key: setup.adminKey });
    }
    expectTooManyRequests(fromB, /per second/);
    expect(fromB.headers.ratelimit).toMatch(/r=0/);
    // Another source is not affected.
    expect((await b.request(newSource(), 'GET', '/healthz')).status).toBe(200);
  });

  it('refuses a source over its limit before judging its key (no key lookup): a wrong key gets 429, not 401', async () => {
    const source = newSource();
    const wrongKey = `cw_wrong0000000_${'x'.repeat(30)}`;
    let refused: SourceResponse | undefined;
    // One window: 21 requests from the source, then a wrong key. A busy machine may end the window in between.
    for (let attempt = 0; attempt < 4 && refused?.status !== 429; attempt++) {
      for (let i = 0; i < 21; i++) await a.request(source, 'GET', '/openapi.json');
      refused = await a.request(source, 'GET', '/v1/accounts', { key: wrongKey });
    }
    expectTooManyRequests(refused!, /per second from this address/);
    expect(refused!.headers.ratelimit).toMatch(/^"ip";r=0;t=1$/);
  });

  it('a burst from one source through both processes gets 429s from each (one shared count)', async () => {
    const source = newSource();
    // With a count per process, each would let its 20 through and refuse none. A burst may straddle two
    // one-second windows on a busy machine: a few tries, each must refuse, one must refuse on both.
    let refusedByBoth = false;
    for (let attempt = 0; attempt < 3 && !refusedByBoth; attempt++) {
      const burst = await Promise.all(
        Array.from({ length: 40 }, (_, i) => both()[i % 2]!.request(source, 'GET', '/openapi.json')),
      );
      const refused = burst.map((response, i) => ({ process: i % 2, status: response.status }));
      expect(refused.filter((r) => r.status === 200).length).toBeLessThanOrEqual(40 - 1);
      refusedByBoth = [0, 1].every((process) => refused.some((r) => r.process === process && r.status === 429));
    }
    expect(refusedByBoth).toBe(true);
  });

  it('blocks a source after repeated wrong API keys, on both processes, whatever it sends next', async () => {
    const attacker = newSource();
    for (let i = 0; i < 5; i++) {
      const guess = await both()[i % 2]!.request(attacker, 'GET', '/v1/sip-users', {
        key: `cw_guess${i}_${'x'.repeat(30)}`,
      });
      expect(guess.status).toBe(401);
    }
    // The fifth failure is counted right after its response was sent.
    const blocked = await eventually(
      async () => {
        const response = await b.request(attacker, 'GET', '/v1/sip-users', { key: acme.key });
        return response.status === 429 && response;
      },
      { timeoutMs: 2000, description: 'the guessing source to be blocked' },
    );
    const retryAfter = expectTooManyRequests(blocked, /failed authentications/);
    expect(retryAfter).toBeGreaterThan(100);
    expect(retryAfter).toBeLessThanOrEqual(120);
    expect((await a.request(attacker, 'GET', '/v1/sip-users', { key: acme.key })).status).toBe(429);
    // The key itself is fine from elsewhere.
    expect((await a.request(newSource(), 'GET', '/v1/sip-users', { key: acme.key })).status).toBe(200);
  });

  it('blocks a source after repeated failed dashboard sign-ins', async () => {
    const attacker = newSource();
    for (let i = 0; i < 5; i++) {
      const signIn = await both()[i % 2]!.request(attacker, 'POST', '/v1/session', { body: { apiKey: `wrong-${i}` } });
      expect(signIn.status).toBe(401);
    }
    const blocked = await eventually(
      async () => {
        const response = await a.request(attacker, 'POST', '/v1/session', { body: { apiKey: acme.key } });
        return response.status === 429 && response;
      },
      { timeoutMs: 2000, description: 'the source with failed sign-ins to be blocked' },
    );
    expectTooManyRequests(blocked, /failed authentications/);
    // Requests without credentials that get 401 are not failures: a fresh source is not blocked by them.
    const visitor = newSource();
    for (let i = 0; i < 8; i++) expect((await b.request(visitor, 'GET', '/v1/session')).status).toBe(401);
    expect((await b.request(visitor, 'POST', '/v1/session', { body: { apiKey: acme.key } })).status).toBe(201);
  });

  it('limits each key per second, from any source and process', async () => {
    const burst = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        both()[i % 2]!.request(`127.0.1.${i + 1}`, 'GET', '/v1/sip-users', { key: globex.key }),
      ),
    );
    const refused = burst.filter((response) => response.status === 429);
    expect(refused.length).toBeGreaterThan(0);
    expectTooManyRequests(refused[0]!, /per second (with this key|for this account)/);
    expect(burst.find((response) => response.status === 200)?.headers['ratelimit-policy']).toBe(
      '"ip";q=20;w=1, "key";q=10;w=1, "account";q=15;w=1',
    );
  });

  // Other tests spend the admin key's per-key allowance (10/s): start on a fresh one-second window. A sleep by
  // design: the limits count per window of time, and only time opens the next one.
  const freshWindow = () => new Promise((r) => setTimeout(r, 1100));

  it("applies the account's own requests/s, set by the admin, in both processes", async () => {
    await freshWindow();
    const second = await setup.request<{ key: string }>('POST', `/v1/accounts/${acme.accountId}/api-keys`, {
      key: setup.adminKey,
      body: { name: 'second' },
    });
    const set = await a.request(newSource(), 'PUT', `/v1/accounts/${acme.accountId}/limits`, {
      key: setup.adminKey,
      body: { requestsPerSecond: 3 },
    });
    expect(set.status).toBe(200);
    expect(set.body.limits).toEqual({ requestsPerSecond: 3, concurrentCalls: null, registrations: null });
    // Each process reads the account's limit again within a few seconds.
    for (const api of both()) {
      await eventually(
        async () => {
          const response = await api.request(newSource(), 'GET', '/v1/api-keys', { key: acme.key });
          expect(String(response.headers['ratelimit-policy'])).toContain('"account";q=3;w=1');
        },
        { timeoutMs: 8000, description: "the account's own limit in each API process" },
      );
    }
    await freshWindow();
    const keys = [acme.key, second.body.key];
    const burst = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        both()[i % 2]!.request(`127.0.2.${i + 1}`, 'GET', '/v1/api-keys', { key: keys[i % 2] }),
      ),
    );
    const ok = burst.filter((response) => response.status === 200).length;
    expect(ok).toBeGreaterThanOrEqual(1);
    expect(ok).toBeLessThanOrEqual(6); // 3 per window, the burst spans at most two
    expectTooManyRequests(
      burst.find((response) => response.status === 429)!,
      /per second for this account/,
    );
    // Back to the platform default.
    const reset = await b.request(newSource(), 'PUT', `/v1/accounts/${acme.accountId}/limits`, {
      key: setup.adminKey,
      body: {},
    });
    expect(reset.body.limits).toEqual({ requestsPerSecond: null, concurrentCalls: null, registrations: null });
  });

  it('lets only the admin set limits, and validates them', async () => {
    await freshWindow();
    const source = newSource();
    const path = `/v1/accounts/${globex.accountId}/limits`;
    const byAccount = await a.request(source, 'PUT', path, { key: globex.key, body: { requestsPerSecond: 1000 } });
    expect(byAccount.status).toBe(403);
    for (const body of [{ requestsPerSecond: 0 }, { concurrentCalls: -1 }, { registrations: 'many' }, { other: 1 }]) {
      const invalid = await a.request(source, 'PUT', path, { key: setup.adminKey, body });
      expect(invalid.status).toBe(400);
      expect(invalid.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    const missing = await b.request(source, 'PUT', '/v1/accounts/0190a6a8-0000-7000-8000-000000000000/limits', {
      key: setup.adminKey,
      body: {},
    });
    expect(missing.status).toBe(404);
    const set = await b.request(source, 'PUT', path, {
      key: setup.adminKey,
      body: { concurrentCalls: 0, registrations: 25 },
    });
    expect(set.status).toBe(200);
    const read = await a.request(source, 'GET', `/v1/accounts/${globex.accountId}`, { key: setup.adminKey });
    expect(read.body.limits).toEqual({ requestsPerSecond: null, concurrentCalls: 0, registrations: 25 });
  });

  it('keeps serving when Redis is down: unlimited, logged, and /readyz says so', async () => {
    const deadRedis = `redis://127.0.0.1:${await freeSipPort()}`;
    const alone = await ApiProcess.start({ ...LIMITS, API_RATE_LIMIT_PER_IP: '2', REDIS_URL: deadRedis });
    try {
      const source = newSource();
      for (let i = 0; i < 5; i++) {
        expect((await alone.request(source, 'GET', '/v1/accounts', { key: setup.adminKey })).status).toBe(200);
      }
      const ready = await alone.request(source, 'GET', '/readyz');
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({ checks: { database: 'up', redis: 'down' } });
      expect(alone.output()).toMatch(/rate limits not applied \(Redis unavailable/);
    } finally {
      await alone.stop();
    }
  }, 60_000);
});
