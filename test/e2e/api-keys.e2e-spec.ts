import { ApiHarness, expectProblem } from '../support/api-harness';
import { eventually } from '../support/eventually';
import { WorkerHarness } from '../support/worker-harness';
import { isolateQueues } from '../support/test-run';

interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

describe('API keys (e2e)', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    isolateQueues('api-keys');
    api = await ApiHarness.start();
  });
  afterAll(() => api.close());

  it('shows the key once, stores only a hash, and lists keys without secrets', async () => {
    const account = await api.request<{ id: string }>('POST', '/v1/accounts', {
      key: api.adminKey,
      body: { name: 'Keys' },
    });
    const issued = await api.request<{ id: string; key: string; prefix: string; name: string }>(
      'POST',
      `/v1/accounts/${account.body.id}/api-keys`,
      { key: api.adminKey, body: { name: 'backend' } },
    );
    expect(issued.status).toBe(201);
    expect(issued.body.key).toMatch(new RegExp(`^cw_${issued.body.prefix}_[A-Za-z0-9_-]{43}$`));

    const row = await api.prisma.apiKey.findUniqueOrThrow({ where: { id: issued.body.id } });
    const secret = issued.body.key.slice(`cw_${issued.body.prefix}_`.length);
    expect(Buffer.from(row.secretHash).toString('hex')).not.toContain(Buffer.from(secret).toString('hex'));
    expect(JSON.stringify(row)).not.toContain(secret);

    const list = await api.request<{ data: ApiKey[] }>('GET', '/v1/api-keys', { key: issued.body.key });
    expect(list.status).toBe(200);
    expect(list.body.data).toEqual([
      expect.objectContaining({ id: issued.body.id, name: 'backend', prefix: issued.body.prefix }),
    ]);
    expect(JSON.stringify(list.body)).not.toContain(secret);
    expect(list.body.data[0]).not.toHaveProperty('key');
    expect(list.body.data[0]).not.toHaveProperty('secretHash');
  });

  it('404 when issuing a key for an unknown account; account keys cannot issue keys', async () => {
    expectProblem(
      await api.request('POST', '/v1/accounts/01890000-0000-7000-8000-000000000000/api-keys', {
        key: api.adminKey,
        body: { name: 'x' },
      }),
      404,
    );
    const tenant = await api.createTenant('NoSelfIssue');
    expectProblem(
      await api.request('POST', `/v1/accounts/${tenant.accountId}/api-keys`, { key: tenant.key, body: { name: 'x' } }),
      403,
    );
  });

  it('revoking a key makes it fail at once; other keys of the account keep working', async () => {
    const tenant = await api.createTenant('Revoke');
    const second = await api.request<{ id: string; key: string }>('POST', `/v1/accounts/${tenant.accountId}/api-keys`, {
      key: api.adminKey,
      body: { name: 'second' },
    });
    expect((await api.request('GET', '/v1/sip-users', { key: second.body.key })).status).toBe(200);
    expect((await api.request('DELETE', `/v1/api-keys/${second.body.id}`, { key: tenant.key })).status).toBe(204);
    expectProblem(await api.request('GET', '/v1/sip-users', { key: second.body.key }), 401);
    expect((await api.request('GET', '/v1/sip-users', { key: tenant.key })).status).toBe(200);
    const list = await api.request<{ data: ApiKey[] }>('GET', '/v1/api-keys', { key: tenant.key });
    expect(list.body.data.find((key) => key.id === second.body.id)?.revokedAt).toEqual(expect.any(String));
  });

  it("cannot see or revoke another account's key (404)", async () => {
    const acme = await api.createTenant('AcmeKeys');
    const globex = await api.createTenant('GlobexKeys');
    const acmeKeys = await api.request<{ data: ApiKey[] }>('GET', '/v1/api-keys', { key: acme.key });
    const acmeKeyId = acmeKeys.body.data[0]?.id;
    expectProblem(await api.request('DELETE', `/v1/api-keys/${acmeKeyId}`, { key: globex.key }), 404);
    const globexKeys = await api.request<{ data: ApiKey[] }>('GET', '/v1/api-keys', { key: globex.key });
    expect(globexKeys.body.data.map((key) => key.id)).not.toContain(acmeKeyId);
    expect((await api.request('GET', '/v1/sip-users', { key: acme.key })).status).toBe(200);
  });

  it('an expired key is refused; expiresAt must be in the future', async () => {
    const tenant = await api.createTenant('Expiry');
    const short = await api.request<{ id: string; key: string }>('POST', `/v1/accounts/${tenant.accountId}/api-keys`, {
      key: api.adminKey,
      body: { name: 'short', expiresAt: new Date(Date.now() + 60_000).toISOString() },
    });
    expect((await api.request('GET', '/v1/sip-users', { key: short.body.key })).status).toBe(200);
    await api.prisma.apiKey.update({ where: { id: short.body.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expectProblem(await api.request('GET', '/v1/sip-users', { key: short.body.key }), 401);
    expectProblem(
      await api.request('POST', `/v1/accounts/${tenant.accountId}/api-keys`, {
        key: api.adminKey,
        body: { name: 'past', expiresAt: '2001-01-01T00:00:00Z' },
      }),
      400,
    );
  });

  it('a key with a tampered secret is refused', async () => {
    const tenant = await api.createTenant('Tamper');
    const last = tenant.key.at(-1) === 'A' ? 'B' : 'A';
    expectProblem(await api.request('GET', '/v1/sip-users', { key: `${tenant.key.slice(0, -1)}${last}` }), 401);
  });

  it('the worker records lastUsedAt off the request path', async () => {
    const worker = await WorkerHarness.start();
    try {
      const tenant = await api.createTenant('Usage');
      await api.request('GET', '/v1/sip-users', { key: tenant.key });
      await eventually(
        async () => {
          const { lastUsedAt } = await api.prisma.apiKey.findFirstOrThrow({ where: { accountId: tenant.accountId } });
          expect(lastUsedAt).toBeInstanceOf(Date);
        },
        { timeoutMs: 10_000, intervalMs: 100, description: "the key's lastUsedAt" },
      );
    } finally {
      await worker.close();
    }
  });
});
