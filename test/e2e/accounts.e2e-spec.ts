import { ApiHarness, expectProblem } from '../support/api-harness';

interface Account {
  id: string;
  name: string;
  sipDomain: string;
  createdAt: string;
}

describe('Accounts (e2e)', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await ApiHarness.start();
  });
  afterAll(() => api.close());

  const create = (body: unknown, key = api.adminKey) => api.request<Account>('POST', '/v1/accounts', { key, body });

  it('creates an account with a sipDomain derived from its name', async () => {
    const response = await create({ name: 'Acme Café, Inc.' });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      id: expect.any(String),
      name: 'Acme Café, Inc.',
      sipDomain: 'acme-cafe-inc.callwire.localhost',
      createdAt: expect.any(String),
      limits: { requestsPerSecond: null, concurrentCalls: null, registrations: null },
    });
    const again = await create({ name: 'Acme Café, Inc.' });
    expect(again.status).toBe(201);
    expect(again.body.sipDomain).toMatch(/^acme-cafe-inc-[0-9a-f]{6}\.callwire\.localhost$/);
  });

  it('accepts an explicit sipDomain (lower-cased), 409 when taken, 400 when not a hostname', async () => {
    const created = await create({ name: 'Globex', sipDomain: 'SIP.Globex.Example' });
    expect(created.body.sipDomain).toBe('sip.globex.example');
    expectProblem(await create({ name: 'Other', sipDomain: 'sip.globex.example' }), 409);
    for (const sipDomain of ['not a domain', '-bad.example', 'a..b', 'x'.repeat(300), '']) {
      const body = expectProblem(await create({ name: 'Bad', sipDomain }), 400);
      expect(body.errors).toEqual([{ field: 'sipDomain', message: expect.any(String) }]);
    }
  });

  it('gets, lists (paginated) and deletes accounts', async () => {
    const created = await create({ name: 'Initech' });
    const got = await api.request<Account>('GET', `/v1/accounts/${created.body.id}`, { key: api.adminKey });
    expect(got.body).toEqual(created.body);

    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { data: Account[]; nextCursor: string | null } } = await api.request(
        'GET',
        `/v1/accounts?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        {
          key: api.adminKey,
        },
      );
      ids.push(...page.body.data.map((account) => account.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(ids).toContain(created.body.id);
    expect(new Set(ids).size).toBe(ids.length);

    expect((await api.request('DELETE', `/v1/accounts/${created.body.id}`, { key: api.adminKey })).status).toBe(204);
    expectProblem(await api.request('GET', `/v1/accounts/${created.body.id}`, { key: api.adminKey }), 404);
    expectProblem(await api.request('DELETE', `/v1/accounts/${created.body.id}`, { key: api.adminKey }), 404);
  });

  it('deleting an account removes its keys and SIP users: the key stops working', async () => {
    const tenant = await api.createTenant('Doomed');
    await api.request('POST', '/v1/sip-users', { key: tenant.key, body: { username: 'u1', password: 'password-123' } });
    await api.request('DELETE', `/v1/accounts/${tenant.accountId}`, { key: api.adminKey });
    expectProblem(await api.request('GET', '/v1/sip-users', { key: tenant.key }), 401);
    expect(await api.prisma.sipUser.count({ where: { accountId: tenant.accountId } })).toBe(0);
  });

  it('is admin-only: no key → 401, wrong key → 401, account key → 403', async () => {
    const tenant = await api.createTenant('Nosy');
    expectProblem(await create({ name: 'x' }, ''), 401);
    expectProblem(await create({ name: 'x' }, `${api.adminKey}x`), 401);
    expectProblem(await create({ name: 'x' }, tenant.key), 403);
    expectProblem(await api.request('GET', '/v1/accounts', { key: tenant.key }), 403);
    expectProblem(await api.request('GET', `/v1/accounts/${tenant.accountId}`, { key: tenant.key }), 403);
    expectProblem(await api.request('DELETE', `/v1/accounts/${tenant.accountId}`, { key: tenant.key }), 403);
  });
});
