import { ApiHarness, expectProblem } from '../support/api-harness';
import { isolateQueues } from '../support/test-run';

interface OutboundRoute {
  id: string;
  name: string;
  prefix: string;
  priority: number;
  carrierId: string;
  createdAt: string;
  updatedAt: string;
}
interface Page<T> {
  data: T[];
  nextCursor: string | null;
}
type Tenant = { accountId: string; sipDomain: string; key: string };

/** The fields a validation problem names, each once. */
const fields = (problem: Record<string, unknown>) => [
  ...new Set((problem.errors as { field: string }[]).map((e) => e.field)),
];

describe('Outbound routes (e2e)', () => {
  let api: ApiHarness;
  let acme: Tenant;
  let globex: Tenant;
  let acmeCarrier: string;
  let globexCarrier: string;

  const create = (tenant: Tenant, body: unknown) =>
    api.request<OutboundRoute>('POST', '/v1/outbound-routes', { key: tenant.key, body });
  const patch = (tenant: Tenant, id: string, body: unknown) =>
    api.request<OutboundRoute>('PATCH', `/v1/outbound-routes/${id}`, { key: tenant.key, body });
  const carrierOf = async (tenant: Tenant) =>
    (await api.request<{ id: string }>('POST', '/v1/carriers', { key: tenant.key, body: { name: 'Carrier' } })).body.id;
  /** Every route of the tenant, page by page. */
  const listAll = async (tenant: Tenant, limit: number) => {
    const routes: OutboundRoute[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=${limit}&cursor=${cursor}` : `?limit=${limit}`;
      const page: { status: number; body: Page<OutboundRoute> } = await api.request<Page<OutboundRoute>>(
        'GET',
        `/v1/outbound-routes${query}`,
        { key: tenant.key },
      );
      expect(page.status).toBe(200);
      routes.push(...page.body.data);
      cursor = page.body.nextCursor;
    } while (cursor);
    return routes;
  };

  beforeAll(async () => {
    isolateQueues('outbound-routes');
    api = await ApiHarness.start();
    acme = await api.createTenant('Routes Acme');
    globex = await api.createTenant('Routes Globex');
    acmeCarrier = await carrierOf(acme);
    globexCarrier = await carrierOf(globex);
  });
  afterAll(() => api?.close());

  it('creates a route, priority 10 by default; an empty prefix matches any number', async () => {
    const created = await create(acme, { name: 'Anything', prefix: '', carrierId: acmeCarrier });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      name: 'Anything',
      prefix: '',
      priority: 10,
      carrierId: acmeCarrier,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const explicit = await create(acme, { name: 'US', prefix: '+1', priority: 0, carrierId: acmeCarrier });
    expect(explicit.body).toMatchObject({ prefix: '+1', priority: 0 });
  });

  it.each([
    ['no prefix', { name: 'x', carrierId: 'C' }, 'prefix'],
    ['a prefix with letters', { name: 'x', prefix: '+1a', carrierId: 'C' }, 'prefix'],
    ['a prefix of 16 digits', { name: 'x', prefix: '1234567890123456', carrierId: 'C' }, 'prefix'],
    ['a lone +', { name: 'x', prefix: '+', carrierId: 'C' }, 'prefix'],
    ['priority 1001', { name: 'x', prefix: '', priority: 1001, carrierId: 'C' }, 'priority'],
    ['priority -1', { name: 'x', prefix: '', priority: -1, carrierId: 'C' }, 'priority'],
    ['priority 1.5', { name: 'x', prefix: '', priority: 1.5, carrierId: 'C' }, 'priority'],
    ['no carrierId', { name: 'x', prefix: '' }, 'carrierId'],
    ['no name', { prefix: '', carrierId: 'C' }, 'name'],
  ])('refuses %s with a 400 problem naming the field', async (_case, body, field) => {
    const withCarrier = { ...body, ...('carrierId' in body ? { carrierId: acmeCarrier } : {}) };
    expect(fields(expectProblem(await create(acme, withCarrier), 400))).toEqual([field]);
  });

  it("refuses a carrier that is not the account's", async () => {
    for (const carrierId of [globexCarrier, '0193a0b4-5d3e-7000-8000-000000000000']) {
      expect(fields(expectProblem(await create(acme, { name: 'x', prefix: '', carrierId }), 400))).toEqual([
        'carrierId',
      ]);
    }
    const { id } = (await create(acme, { name: 'Mine', prefix: '+44', carrierId: acmeCarrier })).body;
    expect(fields(expectProblem(await patch(acme, id, { carrierId: globexCarrier }), 400))).toEqual(['carrierId']);
    expect(
      (await api.request<OutboundRoute>('GET', `/v1/outbound-routes/${id}`, { key: acme.key })).body.carrierId,
    ).toBe(acmeCarrier);
  });

  it('lists the routes in the order they are tried: priority, then the longest prefix first, page by page', async () => {
    const tenant = await api.createTenant('Routes Order');
    const carrierId = await carrierOf(tenant);
    const specs: [string, number][] = [
      ['', 10],
      ['+1', 10],
      ['+1415', 10],
      ['+44', 5],
      ['+1', 20],
      ['+14', 10],
      ['', 0],
      ['+3', 10],
    ];
    for (const [prefix, priority] of specs) {
      expect(
        (await create(tenant, { name: `${prefix || 'any'}@${priority}`, prefix, priority, carrierId })).status,
      ).toBe(201);
    }
    const expected = ['any@0', '+44@5', '+1415@10', '+14@10', '+1@10', '+3@10', 'any@10', '+1@20'];
    for (const limit of [100, 3, 1]) {
      const routes = await listAll(tenant, limit);
      // +1@10 and +3@10 tie on priority and length: they come in id order.
      expect(routes.map((r) => r.name)).toEqual(expected);
    }

    // The cursor holds its place even if the route it names is changed or deleted meanwhile.
    const first = await api.request<Page<OutboundRoute>>('GET', '/v1/outbound-routes?limit=2', { key: tenant.key });
    const last = first.body.data[1] as OutboundRoute;
    expect((await api.request('DELETE', `/v1/outbound-routes/${last.id}`, { key: tenant.key })).status).toBe(204);
    const next = await api.request<Page<OutboundRoute>>(
      'GET',
      `/v1/outbound-routes?limit=2&cursor=${first.body.nextCursor}`,
      {
        key: tenant.key,
      },
    );
    expect(next.body.data.map((r) => r.name)).toEqual(['+1415@10', '+14@10']);
  });

  it('rejects forged cursors with 400', async () => {
    const forged = [
      'garbage',
      Buffer.from('[1,2]').toString('base64url'),
      Buffer.from('[1,2,"x\' OR 1=1"]').toString('base64url'),
      Buffer.from('{"priority":1}').toString('base64url'),
    ];
    for (const cursor of forged) {
      const response = await api.request('GET', `/v1/outbound-routes?cursor=${cursor}`, { key: acme.key });
      expect(fields(expectProblem(response, 400))).toEqual(['cursor']);
    }
  });

  it('patches and deletes a route', async () => {
    const { id, createdAt } = (await create(acme, { name: 'Patch me', prefix: '+49', carrierId: acmeCarrier })).body;
    const other = await carrierOf(acme);
    const patched = await patch(acme, id, { name: 'Germany', prefix: '49', priority: 3, carrierId: other });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ id, name: 'Germany', prefix: '49', priority: 3, carrierId: other, createdAt });
    expect((await patch(acme, id, { prefix: '' })).body.prefix).toBe('');
    expectProblem(await patch(acme, id, {}), 400);
    expect(fields(expectProblem(await patch(acme, id, { priority: null }), 400))).toEqual(['priority']);
    expect((await api.request('DELETE', `/v1/outbound-routes/${id}`, { key: acme.key })).status).toBe(204);
    expectProblem(await api.request('GET', `/v1/outbound-routes/${id}`, { key: acme.key }), 404);
    expectProblem(await api.request('DELETE', `/v1/outbound-routes/${id}`, { key: acme.key }), 404);
  });

  it("answers 404 for another account's routes, exactly like missing ones, and changes nothing", async () => {
    const route = (await create(acme, { name: 'Private', prefix: '+33', carrierId: acmeCarrier })).body;
    const before = await api.prisma.outboundRoute.findUniqueOrThrow({ where: { id: route.id } });
    for (const id of [route.id, '0193a0b4-5d3e-7000-8000-000000000000']) {
      expectProblem(await api.request('GET', `/v1/outbound-routes/${id}`, { key: globex.key }), 404);
      expectProblem(await patch(globex, id, { priority: 0 }), 404);
      expectProblem(await api.request('DELETE', `/v1/outbound-routes/${id}`, { key: globex.key }), 404);
    }
    expect((await listAll(globex, 100)).map((r) => r.id)).not.toContain(route.id);
    expect(await api.prisma.outboundRoute.findUniqueOrThrow({ where: { id: route.id } })).toEqual(before);
  });

  it('needs an account key', async () => {
    expect((await api.request('GET', '/v1/outbound-routes')).status).toBe(401);
    expect((await api.request('GET', '/v1/outbound-routes', { key: api.adminKey })).status).toBe(403);
  });
});
