import { ApiHarness, expectProblem } from '../support/api-harness';
import { isolateQueues } from '../support/test-run';

interface PhoneNumber {
  id: string;
  number: string;
  carrierId: string | null;
  route: { type: string; target: string };
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

describe('Phone numbers (e2e)', () => {
  let api: ApiHarness;
  let acme: Tenant;
  let globex: Tenant;
  let acmeCarrier: string;
  let acmeApplication: string;
  let globexCarrier: string;
  let globexApplication: string;

  const create = (tenant: Tenant, body: unknown) =>
    api.request<PhoneNumber>('POST', '/v1/phone-numbers', { key: tenant.key, body });
  const patch = (tenant: Tenant, id: string, body: unknown) =>
    api.request<PhoneNumber>('PATCH', `/v1/phone-numbers/${id}`, { key: tenant.key, body });
  const idOf = async (response: Promise<{ status: number; body: unknown }>) => {
    const { status, body } = await response;
    if (status !== 201) throw new Error(`${status} ${JSON.stringify(body)}`);
    return (body as { id: string }).id;
  };
  const setUp = async (tenant: Tenant) => {
    await idOf(
      api.request('POST', '/v1/sip-users', {
        key: tenant.key,
        body: { username: 'alice', password: 'alice-password' },
      }),
    );
    const carrier = await idOf(api.request('POST', '/v1/carriers', { key: tenant.key, body: { name: 'Carrier' } }));
    const application = await idOf(
      api.request('POST', '/v1/applications', {
        key: tenant.key,
        body: { name: 'IVR', voiceUrl: 'https://203.0.113.10/voice' },
      }),
    );
    return [carrier, application] as const;
  };

  beforeAll(async () => {
    isolateQueues('phone-numbers');
    api = await ApiHarness.start();
    acme = await api.createTenant('Numbers Acme');
    globex = await api.createTenant('Numbers Globex');
    [acmeCarrier, acmeApplication] = await setUp(acme);
    [globexCarrier, globexApplication] = await setUp(globex);
  });
  afterAll(() => api?.close());

  it.each([
    ['sip-user', 'alice', '+14155550001'],
    ['client', 'bob.smith', '+14155550002'],
    ['sip-uri', 'sips:support@pbx.example.com:5061;transport=tls', '+14155550003'],
    ['sip-uri', 'sip:[2001:db8::1]', '+14155550004'],
  ])('creates a number routed to a %s (%s)', async (type, target, number) => {
    const created = await create(acme, { number, carrierId: acmeCarrier, route: { type, target } });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      number,
      carrierId: acmeCarrier,
      route: { type, target },
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(await api.prisma.phoneNumber.findUniqueOrThrow({ where: { id: created.body.id } })).toMatchObject({
      accountId: acme.accountId,
      routeType: type,
      routeTarget: target,
    });
  });

  it('creates a number routed to an application of the account, without a carrier', async () => {
    const created = await create(acme, {
      number: '+442071234567',
      route: { type: 'application', target: acmeApplication },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ carrierId: null, route: { type: 'application', target: acmeApplication } });
  });

  it('answers 409 for a number in use on the platform, without saying by whom', async () => {
    const body = { number: '+14155550123', route: { type: 'client', target: 'bob' } };
    expect((await create(acme, body)).status).toBe(201);
    for (const tenant of [acme, globex]) {
      const conflict = expectProblem(await create(tenant, body), 409);
      expect(conflict.type).toBe('urn:callwire:problem:conflict');
      const text = JSON.stringify(conflict);
      for (const secret of [acme.accountId, acme.sipDomain, 'Acme']) expect(text).not.toContain(secret);
    }
  });

  it.each([
    ['no number', { route: { type: 'client', target: 'bob' } }, 'number'],
    ['a number without +', { number: '14155550100', route: { type: 'client', target: 'bob' } }, 'number'],
    ['a number starting with +0', { number: '+04155550100', route: { type: 'client', target: 'bob' } }, 'number'],
    ['a 16-digit number', { number: '+1234567890123456', route: { type: 'client', target: 'bob' } }, 'number'],
    ['no route', { number: '+14155550100' }, 'route'],
    ['an unknown route type', { number: '+14155550100', route: { type: 'queue', target: 'x' } }, 'route.type'],
    [
      'a SIP username with a space',
      { number: '+14155550100', route: { type: 'sip-user', target: 'a b' } },
      'route.target',
    ],
    [
      'a reserved SIP username',
      { number: '+14155550100', route: { type: 'sip-user', target: 'client.bob' } },
      'route.target',
    ],
    [
      'a client identity too long',
      { number: '+14155550100', route: { type: 'client', target: 'x'.repeat(58) } },
      'route.target',
    ],
    [
      'an application that is no id',
      { number: '+14155550100', route: { type: 'application', target: 'ivr' } },
      'route.target',
    ],
    [
      'an http URI',
      { number: '+14155550100', route: { type: 'sip-uri', target: 'http://example.com' } },
      'route.target',
    ],
    [
      'a SIP URI with a space',
      { number: '+14155550100', route: { type: 'sip-uri', target: 'sip:a b@x.com' } },
      'route.target',
    ],
    [
      'a carrierId that is no UUID',
      { number: '+14155550100', carrierId: 'x', route: { type: 'client', target: 'b' } },
      'carrierId',
    ],
    ['an unknown field', { number: '+14155550100', route: { type: 'client', target: 'b' }, owner: 'me' }, 'owner'],
  ])('refuses %s with a 400 problem naming the field', async (_case, body, field) => {
    const problem = expectProblem(await create(acme, body), 400);
    expect(problem.type).toBe('urn:callwire:problem:validation-error');
    expect(fields(problem)).toContain(field);
  });

  it("refuses references to what the account does not have, another account's included", async () => {
    const cases: [unknown, string[]][] = [
      [{ route: { type: 'sip-user', target: 'nobody' } }, ['route.target']],
      [{ carrierId: globexCarrier, route: { type: 'client', target: 'bob' } }, ['carrierId']],
      [{ route: { type: 'application', target: globexApplication } }, ['route.target']],
      [
        {
          carrierId: '0193a0b4-5d3e-7000-8000-000000000000',
          route: { type: 'application', target: globexApplication },
        },
        ['carrierId', 'route.target'],
      ],
    ];
    for (const [body, expected] of cases) {
      const problem = expectProblem(await create(acme, { number: '+14155550111', ...(body as object) }), 400);
      expect(fields(problem)).toEqual(expected);
    }
    // A SIP user of another account is no SIP user of this one.
    const otherUser = await api.request('POST', '/v1/sip-users', {
      key: globex.key,
      body: { username: 'globex-only', password: 'globex-password' },
    });
    expect(otherUser.status).toBe(201);
    expect(
      fields(
        expectProblem(
          await create(acme, { number: '+14155550111', route: { type: 'sip-user', target: 'globex-only' } }),
          400,
        ),
      ),
    ).toEqual(['route.target']);
    expect(await api.prisma.phoneNumber.count({ where: { number: '+14155550111' } })).toBe(0);
  });

  it('PATCH changes the carrier and the route; the number itself cannot change', async () => {
    const { id } = (
      await create(acme, { number: '+14155550150', carrierId: acmeCarrier, route: { type: 'client', target: 'bob' } })
    ).body;
    const rerouted = await patch(acme, id, { route: { type: 'sip-user', target: 'alice' } });
    expect(rerouted.status).toBe(200);
    expect(rerouted.body).toMatchObject({
      number: '+14155550150',
      carrierId: acmeCarrier,
      route: { type: 'sip-user', target: 'alice' },
    });
    const detached = await patch(acme, id, { carrierId: null });
    expect(detached.body).toMatchObject({ carrierId: null, route: { type: 'sip-user', target: 'alice' } });
    const attached = await patch(acme, id, { carrierId: acmeCarrier });
    expect(attached.body.carrierId).toBe(acmeCarrier);

    expect(fields(expectProblem(await patch(acme, id, { number: '+14155550151' }), 400))).toEqual(['number']);
    expectProblem(await patch(acme, id, {}), 400);
    expect(fields(expectProblem(await patch(acme, id, { route: null }), 400))).toContain('route');
    expect(fields(expectProblem(await patch(acme, id, { route: { type: 'sip-user' } }), 400))).toEqual([
      'route.target',
    ]);
    expect(fields(expectProblem(await patch(acme, id, { carrierId: globexCarrier }), 400))).toEqual(['carrierId']);
    expect(
      fields(expectProblem(await patch(acme, id, { route: { type: 'application', target: globexApplication } }), 400)),
    ).toEqual(['route.target']);
    expect((await api.request<PhoneNumber>('GET', `/v1/phone-numbers/${id}`, { key: acme.key })).body).toEqual(
      attached.body,
    );
  });

  it('lists with ?number= and cursor pagination', async () => {
    const tenant = await api.createTenant('Numbers Pager');
    const numbers = ['+493012345601', '+493012345602', '+493012345603'];
    const ids: string[] = [];
    for (const number of numbers)
      ids.push((await create(tenant, { number, route: { type: 'client', target: 'x' } })).body.id);
    const first = await api.request<Page<PhoneNumber>>('GET', '/v1/phone-numbers?limit=2', { key: tenant.key });
    expect(first.body.data.map((n) => n.id)).toEqual(ids.slice(0, 2));
    const second = await api.request<Page<PhoneNumber>>(
      'GET',
      `/v1/phone-numbers?limit=2&cursor=${first.body.nextCursor}`,
      { key: tenant.key },
    );
    expect(second.body).toEqual({ data: [expect.objectContaining({ id: ids[2] })], nextCursor: null });

    const one = await api.request<Page<PhoneNumber>>(
      'GET',
      `/v1/phone-numbers?number=${encodeURIComponent('+493012345602')}`,
      {
        key: tenant.key,
      },
    );
    expect(one.body).toEqual({
      data: [expect.objectContaining({ id: ids[1], number: '+493012345602' })],
      nextCursor: null,
    });
    // Another account's number is not found by number either.
    const other = await api.request<Page<PhoneNumber>>(
      'GET',
      `/v1/phone-numbers?number=${encodeURIComponent('+493012345602')}`,
      {
        key: acme.key,
      },
    );
    expect(other.body.data).toEqual([]);
    const bad = expectProblem(await api.request('GET', '/v1/phone-numbers?number=4930', { key: tenant.key }), 400);
    expect(fields(bad)).toEqual(['number']);
  });

  it("answers 404 for another account's numbers, exactly like missing ones, and changes nothing", async () => {
    const number = (await create(acme, { number: '+14155550160', route: { type: 'client', target: 'bob' } })).body;
    const before = await api.prisma.phoneNumber.findUniqueOrThrow({ where: { id: number.id } });
    for (const id of [number.id, '0193a0b4-5d3e-7000-8000-000000000000']) {
      expectProblem(await api.request('GET', `/v1/phone-numbers/${id}`, { key: globex.key }), 404);
      expectProblem(await patch(globex, id, { route: { type: 'client', target: 'eve' } }), 404);
      expectProblem(await api.request('DELETE', `/v1/phone-numbers/${id}`, { key: globex.key }), 404);
    }
    const list = await api.request<Page<PhoneNumber>>('GET', '/v1/phone-numbers?limit=100', { key: globex.key });
    expect(list.body.data.map((n) => n.id)).not.toContain(number.id);
    expect(await api.prisma.phoneNumber.findUniqueOrThrow({ where: { id: number.id } })).toEqual(before);
  });

  it('deletes a number, which frees it for anyone', async () => {
    const { id } = (await create(acme, { number: '+14155550170', route: { type: 'client', target: 'bob' } })).body;
    expect((await api.request('DELETE', `/v1/phone-numbers/${id}`, { key: acme.key })).status).toBe(204);
    expectProblem(await api.request('GET', `/v1/phone-numbers/${id}`, { key: acme.key }), 404);
    expectProblem(await api.request('DELETE', `/v1/phone-numbers/${id}`, { key: acme.key }), 404);
    expect((await create(globex, { number: '+14155550170', route: { type: 'client', target: 'bob' } })).status).toBe(
      201,
    );
  });

  it('needs an account key', async () => {
    expect((await api.request('GET', '/v1/phone-numbers')).status).toBe(401);
    expect((await api.request('POST', '/v1/phone-numbers', { key: api.adminKey, body: {} })).status).toBe(403);
  });
});
