import { createHash } from 'node:crypto';
import { Queue } from 'bullmq';
import { loadConfig } from '@callwire/config';
import { type EdgeSyncJob, QueueName, redisOptionsFromUrl } from '@callwire/queues';
import { ApiHarness, type JsonResponse, expectProblem } from '../support/api-harness';
import { isolateQueues } from '../support/test-run';

interface Gateway {
  id: string;
  host: string;
  port: number;
  transport: string;
  priority: number;
  weight: number;
  health: { status: string; lastResponse: string | null; since: string | null; lastCheckedAt: string | null };
}
interface Carrier {
  id: string;
  name: string;
  enabled: boolean;
  inbound: { allowedAddresses: string[]; auth: { username: string } | null };
  outbound: {
    gateways: Gateway[];
    auth: { username: string } | null;
    register: {
      enabled: boolean;
      expires: number;
      username: string | null;
      state: string;
      detail: string | null;
      since: string | null;
      expiresAt: string | null;
    };
    fromDomain: string | null;
    callerIdNumber: string | null;
  };
  createdAt: string;
  updatedAt: string;
}
interface Page<T> {
  data: T[];
  nextCursor: string | null;
}
type Tenant = { accountId: string; sipDomain: string; key: string };

const md5 = (text: string) => createHash('md5').update(text).digest('hex');
/** The fields a validation problem names, each once. */
const fields = (problem: Record<string, unknown>) => [
  ...new Set((problem.errors as { field: string }[]).map((e) => e.field)),
];

/** A carrier that registers: two gateways, outbound credentials, a registration of its own. */
const REGISTERING = {
  name: 'Carrier X',
  inbound: {
    allowedAddresses: ['203.0.113.0/24', '198.51.100.7', '2001:DB8::/32', '2001:db8:0:0::5'],
    auth: { username: 'acme-trunk', password: 'inbound-secret-1' },
  },
  outbound: {
    gateways: [{ host: '2001:DB8::C1', port: 5080, transport: 'tcp', priority: 5, weight: 3 }, { host: '192.0.2.10' }],
    auth: { username: 'acct-100', password: 'outbound-secret-1' },
    register: { enabled: true, expires: 600, username: 'reg-user', password: 'register-secret-1' },
    fromDomain: 'Carrier.example',
    callerIdNumber: '+14155550100',
  },
};
const PASSWORDS = /inbound-secret|outbound-secret|register-secret|password/i;

describe('Carriers (e2e)', () => {
  let api: ApiHarness;
  let queue: Queue<EdgeSyncJob>;
  let acme: Tenant;
  let globex: Tenant;
  const realm = loadConfig().routing.carrierRealm;

  beforeAll(async () => {
    const prefix = isolateQueues('carriers-api'); // no worker here: edge-sync jobs stay in the queue
    api = await ApiHarness.start();
    queue = new Queue(QueueName.EdgeSync, {
      connection: redisOptionsFromUrl(process.env.REDIS_URL || 'redis://127.0.0.1:6379'),
      prefix,
    });
    acme = await api.createTenant('Carrier Acme');
    globex = await api.createTenant('Carrier Globex');
  });
  afterAll(async () => {
    await queue?.close();
    await api?.close();
  });

  const create = (tenant: Tenant, body: unknown) =>
    api.request<Carrier>('POST', '/v1/carriers', { key: tenant.key, body });
  const patch = (tenant: Tenant, id: string, body: unknown) =>
    api.request<Carrier>('PATCH', `/v1/carriers/${id}`, { key: tenant.key, body });
  /** The reload-carrier-registrations jobs the API queued for this carrier. */
  const reloads = async (carrierId: string) =>
    (await queue.getJobs(['waiting', 'delayed', 'active', 'completed'])).filter(
      (job) => job.data.kind === 'reload-carrier-registrations' && job.data.carrierId === carrierId,
    ).length;

  it('creates a carrier: normalized addresses, gateway defaults, HA1 for inbound, credentials never shown', async () => {
    const created = await create(acme, REGISTERING);
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      name: 'Carrier X',
      enabled: true,
      inbound: {
        allowedAddresses: ['203.0.113.0/24', '198.51.100.7/32', '2001:db8::/32', '2001:db8::5/128'],
        auth: { username: 'acme-trunk' },
      },
      outbound: {
        gateways: [
          {
            id: expect.any(String),
            host: '2001:db8::c1',
            port: 5080,
            transport: 'tcp',
            priority: 5,
            weight: 3,
            health: { status: 'unknown', lastResponse: null, since: null, lastCheckedAt: null },
          },
          {
            id: expect.any(String),
            host: '192.0.2.10',
            port: 5060,
            transport: 'udp',
            priority: 10,
            weight: 1,
            health: { status: 'unknown', lastResponse: null, since: null, lastCheckedAt: null },
          },
        ],
        auth: { username: 'acct-100' },
        register: {
          enabled: true,
          expires: 600,
          username: 'reg-user',
          state: 'unregistered',
          detail: null,
          since: null,
          expiresAt: null,
        },
        fromDomain: 'carrier.example',
        callerIdNumber: '+14155550100',
      },
      srtp: 'off',
      dtmf: 'rfc4733',
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(JSON.stringify(created.body)).not.toMatch(PASSWORDS);

    const row = await api.prisma.carrier.findUniqueOrThrow({ where: { id: created.body.id } });
    expect(row).toMatchObject({
      accountId: acme.accountId,
      inboundAuthUsername: 'acme-trunk',
      inboundAuthRealm: realm,
      inboundAuthHa1: md5(`acme-trunk:${realm}:inbound-secret-1`),
      outboundAuthPassword: 'outbound-secret-1', // presented to the carrier as it is
      registerPassword: 'register-secret-1',
    });
    expect(JSON.stringify(row)).not.toContain('inbound-secret-1');
    expect(await reloads(created.body.id)).toBe(1);
  });

  it('creates a carrier from a name alone, with defaults, and queues no reload', async () => {
    const created = await create(acme, { name: 'Bare' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      enabled: true,
      inbound: { allowedAddresses: [], auth: null },
      outbound: {
        gateways: [],
        auth: null,
        register: { enabled: false, expires: 3600, username: null, state: 'unregistered' },
        fromDomain: null,
        callerIdNumber: null,
      },
    });
    expect(await reloads(created.body.id)).toBe(0);
  });

  it('accepts IPv6 gateways with or without brackets and stores them canonical', async () => {
    const created = await create(acme, {
      name: 'V6',
      outbound: { gateways: [{ host: '[2001:DB8::10]' }, { host: '2001:db8:0::11', transport: 'tls', port: 5061 }] },
    });
    expect(created.status).toBe(201);
    expect(created.body.outbound.gateways.map((g) => g.host)).toEqual(['2001:db8::10', '2001:db8::11']);
  });

  it('never returns a password: get, list, patch', async () => {
    const { id } = (
      await create(acme, { ...REGISTERING, inbound: { auth: { username: 'quiet', password: 'inbound-secret-2' } } })
    ).body;
    const responses = [
      await api.request('GET', `/v1/carriers/${id}`, { key: acme.key }),
      await api.request('GET', '/v1/carriers?limit=100', { key: acme.key }),
      await patch(acme, id, { outbound: { auth: { username: 'acct-2', password: 'outbound-secret-2' } } }),
    ];
    for (const response of responses) {
      expect(response.status).toBe(200);
      expect(JSON.stringify(response.body)).not.toMatch(PASSWORDS);
      expect(JSON.stringify(response.body)).not.toMatch(/ha1/i);
    }
  });

  it.each([
    [
      'an invalid address',
      { inbound: { allowedAddresses: ['203.0.113.0/24', 'not-an-ip'] } },
      'inbound.allowedAddresses',
    ],
    ['host bits set', { inbound: { allowedAddresses: ['203.0.113.7/24'] } }, 'inbound.allowedAddresses'],
    ['a prefix over 32', { inbound: { allowedAddresses: ['203.0.113.0/33'] } }, 'inbound.allowedAddresses'],
    ['a zone id', { inbound: { allowedAddresses: ['fe80::1%eth0'] } }, 'inbound.allowedAddresses'],
    [
      'an inbound username with a space',
      { inbound: { auth: { username: 'a b', password: 'password-1' } } },
      'inbound.auth.username',
    ],
    ['a short inbound password', { inbound: { auth: { username: 'ab', password: 'short' } } }, 'inbound.auth.password'],
    ['inbound auth as an array', { inbound: { auth: [] } }, 'inbound.auth'],
    ['a bad gateway host', { outbound: { gateways: [{ host: 'bad host' }] } }, 'outbound.gateways.0.host'],
    [
      'an unknown transport',
      { outbound: { gateways: [{ host: 'a.example', transport: 'ws' }] } },
      'outbound.gateways.0.transport',
    ],
    [
      'priority 1001',
      { outbound: { gateways: [{ host: 'a.example', priority: 1001 }] } },
      'outbound.gateways.0.priority',
    ],
    ['weight 0', { outbound: { gateways: [{ host: 'a.example', weight: 0 }] } }, 'outbound.gateways.0.weight'],
    ['port 70000', { outbound: { gateways: [{ host: 'a.example', port: 70000 }] } }, 'outbound.gateways.0.port'],
    [
      '17 gateways',
      { outbound: { gateways: Array.from({ length: 17 }, (_, i) => ({ host: `gw${i}.example` })) } },
      'outbound.gateways',
    ],
    [
      'the same gateway twice',
      { outbound: { gateways: [{ host: 'A.example' }, { host: 'a.example', port: 5060, transport: 'udp' }] } },
      'outbound.gateways',
    ],
    ['register expires 30', { outbound: { register: { enabled: false, expires: 30 } } }, 'outbound.register.expires'],
    ['register without enabled', { outbound: { register: { expires: 600 } } }, 'outbound.register.enabled'],
    ['a caller id with letters', { outbound: { callerIdNumber: '+1415abc' } }, 'outbound.callerIdNumber'],
    ['a bad from domain', { outbound: { fromDomain: 'a..b' } }, 'outbound.fromDomain'],
    [
      'a quote in the outbound username',
      { outbound: { auth: { username: 'a"b', password: 'x' } } },
      'outbound.auth.username',
    ],
    ['an unknown field', { secret: 'x' }, 'secret'],
    ['an unknown nested field', { outbound: { proxy: 'x' } }, 'outbound.proxy'],
  ])('refuses %s with a 400 problem naming the field', async (_case, body, field) => {
    const problem = expectProblem(await create(acme, { name: 'Invalid', ...body }), 400);
    expect(problem.type).toBe('urn:callwire:problem:validation-error');
    expect(fields(problem)).toContain(field);
  });

  it('says which addresses are wrong and why', async () => {
    const problem = expectProblem(
      await create(acme, { name: 'x', inbound: { allowedAddresses: ['10.1.2.3/8'] } }),
      400,
    );
    expect(JSON.stringify(problem.errors)).toContain('the network is 10.0.0.0/8');
  });

  it('refuses to register without a gateway or without credentials', async () => {
    const noGateway = expectProblem(
      await create(acme, { name: 'x', outbound: { register: { enabled: true, username: 'u', password: 'p' } } }),
      400,
    );
    expect(fields(noGateway)).toEqual(['outbound.gateways']);
    const noCredentials = expectProblem(
      await create(acme, {
        name: 'x',
        outbound: { gateways: [{ host: '192.0.2.20' }], register: { enabled: true, username: 'u' } },
      }),
      400,
    );
    expect(fields(noCredentials)).toEqual(['outbound.register']);
    // outbound.auth is enough.
    const withAuth = await create(acme, {
      name: 'x',
      outbound: {
        gateways: [{ host: '192.0.2.20' }],
        auth: { username: 'u', password: 'p' },
        register: { enabled: true },
      },
    });
    expect(withAuth.status).toBe(201);
    // Removing the credentials of a registering carrier is refused as well.
    expect(fields(expectProblem(await patch(acme, withAuth.body.id, { outbound: { auth: null } }), 400))).toEqual([
      'outbound.register',
    ]);
    expect(fields(expectProblem(await patch(acme, withAuth.body.id, { outbound: { gateways: [] } }), 400))).toEqual([
      'outbound.gateways',
    ]);
  });

  it('answers 409 for an inbound username taken on the platform, in any account', async () => {
    const auth = { username: 'shared-trunk', password: 'inbound-secret-3' };
    expect((await create(acme, { name: 'A', inbound: { auth } })).status).toBe(201);
    const conflict = expectProblem(await create(globex, { name: 'B', inbound: { auth } }), 409);
    expect(conflict.type).toBe('urn:callwire:problem:conflict');
    expect(JSON.stringify(conflict)).not.toContain(acme.accountId);
    const other = await create(globex, { name: 'B' });
    expectProblem(await patch(globex, other.body.id, { inbound: { auth } }), 409);
    expect(
      (await api.request<Carrier>('GET', `/v1/carriers/${other.body.id}`, { key: globex.key })).body.inbound.auth,
    ).toBeNull();
  });

  it('PATCH: the gateways given replace the list; unchanged ones keep their id and health', async () => {
    const created = (
      await create(acme, {
        name: 'Gateways',
        outbound: { gateways: [{ host: '2001:db8::a' }, { host: '2001:db8::b', transport: 'tcp' }] },
      })
    ).body;
    const [a, b] = created.outbound.gateways as [Gateway, Gateway];
    const checkedAt = new Date('2026-01-02T03:04:05.000Z');
    await api.prisma.carrierGateway.update({
      where: { id: a.id },
      data: { status: 'up', lastResponse: '200 OK', statusSince: checkedAt, lastCheckedAt: checkedAt },
    });

    const patched = await patch(acme, created.id, {
      outbound: {
        gateways: [
          { host: '2001:db8::c', priority: 1 },
          { host: '2001:DB8:0::A', priority: 20, weight: 5 },
        ],
      },
    });
    expect(patched.status).toBe(200);
    const gateways = patched.body.outbound.gateways;
    expect(gateways.map((g) => g.host)).toEqual(['2001:db8::c', '2001:db8::a']);
    expect(gateways[1]).toEqual({
      ...a,
      priority: 20,
      weight: 5,
      health: {
        status: 'up',
        lastResponse: '200 OK',
        since: checkedAt.toISOString(),
        lastCheckedAt: checkedAt.toISOString(),
      },
    });
    expect(gateways[0]?.id).not.toBe(b.id);
    expect(gateways[0]?.health.status).toBe('unknown');
    expect(await api.prisma.carrierGateway.findUnique({ where: { id: b.id } })).toBeNull();
    expect(Date.parse(patched.body.updatedAt)).toBeGreaterThan(Date.parse(created.updatedAt));

    // Another port or transport is another gateway.
    const moved = await patch(acme, created.id, { outbound: { gateways: [{ host: '2001:db8::a', port: 5070 }] } });
    expect(moved.body.outbound.gateways[0]?.id).not.toBe(a.id);
  });

  it('PATCH: the nested fields given replace those fields; auth: null removes credentials', async () => {
    const { id } = (
      await create(acme, {
        ...REGISTERING,
        inbound: { ...REGISTERING.inbound, auth: { username: 'nested-trunk', password: 'inbound-secret-4' } },
      })
    ).body;
    const addresses = await patch(acme, id, { inbound: { allowedAddresses: ['192.0.2.0/24'] } });
    expect(addresses.body.inbound).toEqual({ allowedAddresses: ['192.0.2.0/24'], auth: { username: 'nested-trunk' } });

    const expires = await patch(acme, id, { outbound: { register: { expires: 120 } } });
    expect(expires.body.outbound.register).toMatchObject({ enabled: true, expires: 120, username: 'reg-user' });
    expect(expires.body.outbound.gateways).toHaveLength(2);
    expect(expires.body.outbound.auth).toEqual({ username: 'acct-100' });

    const cleared = await patch(acme, id, {
      name: 'Renamed',
      inbound: { auth: null },
      outbound: {
        register: { enabled: false, username: null, password: null },
        fromDomain: null,
        callerIdNumber: null,
      },
    });
    expect(cleared.status).toBe(200);
    expect(cleared.body).toMatchObject({
      name: 'Renamed',
      inbound: { allowedAddresses: ['192.0.2.0/24'], auth: null },
      outbound: { register: { enabled: false, username: null }, fromDomain: null, callerIdNumber: null },
    });
    const row = await api.prisma.carrier.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ inboundAuthUsername: null, inboundAuthHa1: null, registerPassword: null });
    // The username is free again.
    expect(
      (await create(globex, { name: 'Reuse', inbound: { auth: { username: 'nested-trunk', password: 'pw-123456' } } }))
        .status,
    ).toBe(201);

    const auth = await patch(acme, id, { outbound: { auth: null } });
    expect(auth.body.outbound.auth).toBeNull();
    expect((await api.prisma.carrier.findUniqueOrThrow({ where: { id } })).outboundAuthPassword).toBeNull();
  });

  it('PATCH: refuses nothing to update, null for required fields, unknown fields', async () => {
    const { id } = (await create(acme, { name: 'Strict' })).body;
    expectProblem(await patch(acme, id, {}), 400);
    expectProblem(await patch(acme, id, { outbound: {} }), 400);
    expect(fields(expectProblem(await patch(acme, id, { name: null }), 400))).toEqual(['name']);
    expect(fields(expectProblem(await patch(acme, id, { enabled: null }), 400))).toEqual(['enabled']);
    expect(fields(expectProblem(await patch(acme, id, { outbound: { gateways: null } }), 400))).toContain(
      'outbound.gateways',
    );
    expectProblem(await api.request('PATCH', '/v1/carriers/not-a-uuid', { key: acme.key, body: { name: 'x' } }), 400);
  });

  it('queues a reload of the carrier registrations exactly when what the edge registers changes', async () => {
    const { id } = (
      await create(acme, {
        name: 'Reloads',
        outbound: { gateways: [{ host: '192.0.2.30' }], auth: { username: 'u', password: 'outbound-secret-5' } },
      })
    ).body;
    expect(await reloads(id)).toBe(0); // not registering
    await patch(acme, id, { outbound: { gateways: [{ host: '192.0.2.31' }] } });
    expect(await reloads(id)).toBe(0);

    await patch(acme, id, { outbound: { register: { enabled: true } } });
    expect(await reloads(id)).toBe(1);
    await patch(acme, id, { name: 'Renamed', inbound: { allowedAddresses: ['192.0.2.1'] } });
    expect(await reloads(id)).toBe(1); // nothing the registration uses
    await patch(acme, id, { outbound: { register: { password: 'register-secret-5' } } });
    expect(await reloads(id)).toBe(2);
    await patch(acme, id, { outbound: { gateways: [{ host: '192.0.2.31', priority: 3 }] } });
    expect(await reloads(id)).toBe(3);
    await patch(acme, id, { outbound: { auth: { username: 'u2', password: 'outbound-secret-6' } } });
    expect(await reloads(id)).toBe(4);
    await patch(acme, id, { enabled: false });
    expect(await reloads(id)).toBe(5);
    await patch(acme, id, { enabled: true });
    expect(await reloads(id)).toBe(6);
    await patch(acme, id, { outbound: { register: { enabled: false } } });
    expect(await reloads(id)).toBe(7);
    await patch(acme, id, { outbound: { register: { enabled: true } } });
    expect(await reloads(id)).toBe(8);
    expect((await api.request('DELETE', `/v1/carriers/${id}`, { key: acme.key })).status).toBe(204);
    expect(await reloads(id)).toBe(9);

    const quiet = (await create(acme, { name: 'Quiet' })).body;
    expect((await api.request('DELETE', `/v1/carriers/${quiet.id}`, { key: acme.key })).status).toBe(204);
    expect(await reloads(quiet.id)).toBe(0);
  });

  it('shows the registration and gateway health the worker maintains', async () => {
    const { id, outbound } = (await create(acme, registeringWith('state-trunk'))).body;
    const since = new Date('2026-03-04T05:06:07.000Z');
    const expiresAt = new Date('2026-03-04T05:16:07.000Z');
    await api.prisma.carrier.update({
      where: { id },
      data: {
        registrationState: 'registered',
        registrationDetail: '200 OK',
        registrationSince: since,
        registrationExpiresAt: expiresAt,
      },
    });
    await api.prisma.carrierGateway.update({
      where: { id: outbound.gateways[1]?.id },
      data: { status: 'down', lastResponse: 'timeout' },
    });
    const shown = (await api.request<Carrier>('GET', `/v1/carriers/${id}`, { key: acme.key })).body;
    expect(shown.outbound.register).toEqual({
      enabled: true,
      expires: 600,
      username: 'reg-user',
      state: 'registered',
      detail: '200 OK',
      since: since.toISOString(),
      expiresAt: expiresAt.toISOString(),
    });
    expect(shown.outbound.gateways[1]?.health).toMatchObject({ status: 'down', lastResponse: 'timeout' });
  });

  it('DELETE: gateways and outbound routes go with the carrier; phone numbers stay, with no carrier', async () => {
    const carrier = (await create(acme, { name: 'Doomed', outbound: { gateways: [{ host: '192.0.2.40' }] } })).body;
    const number = await api.request<{ id: string; carrierId: string | null }>('POST', '/v1/phone-numbers', {
      key: acme.key,
      body: { number: '+14155550199', carrierId: carrier.id, route: { type: 'client', target: 'bob' } },
    });
    expect(number.body.carrierId).toBe(carrier.id);
    const route = await api.request<{ id: string }>('POST', '/v1/outbound-routes', {
      key: acme.key,
      body: { name: 'All', prefix: '', carrierId: carrier.id },
    });
    expect(route.status).toBe(201);

    expect((await api.request('DELETE', `/v1/carriers/${carrier.id}`, { key: acme.key })).status).toBe(204);
    expectProblem(await api.request('GET', `/v1/carriers/${carrier.id}`, { key: acme.key }), 404);
    expectProblem(await api.request('DELETE', `/v1/carriers/${carrier.id}`, { key: acme.key }), 404);
    expect(await api.prisma.carrierGateway.count({ where: { carrierId: carrier.id } })).toBe(0);
    const kept = await api.request<{ carrierId: string | null }>('GET', `/v1/phone-numbers/${number.body.id}`, {
      key: acme.key,
    });
    expect(kept.status).toBe(200);
    expect(kept.body.carrierId).toBeNull();
    expectProblem(await api.request('GET', `/v1/outbound-routes/${route.body.id}`, { key: acme.key }), 404);
  });

  it("answers 404 for another account's carriers, exactly like missing ones, and changes nothing", async () => {
    const carrier = (await create(acme, registeringWith('isolated-trunk'))).body;
    const before = await api.prisma.carrier.findUniqueOrThrow({
      where: { id: carrier.id },
      include: { gateways: true },
    });
    const jobs = await reloads(carrier.id);
    for (const id of [carrier.id, '0193a0b4-5d3e-7000-8000-000000000000']) {
      expectProblem(await api.request('GET', `/v1/carriers/${id}`, { key: globex.key }), 404);
      expectProblem(await patch(globex, id, { enabled: false, outbound: { gateways: [] } }), 404);
      expectProblem(await api.request('DELETE', `/v1/carriers/${id}`, { key: globex.key }), 404);
    }
    const list = await api.request<Page<Carrier>>('GET', '/v1/carriers?limit=100', { key: globex.key });
    expect(list.body.data.map((c) => c.id)).not.toContain(carrier.id);
    expect(
      await api.prisma.carrier.findUniqueOrThrow({ where: { id: carrier.id }, include: { gateways: true } }),
    ).toEqual(before);
    expect(await reloads(carrier.id)).toBe(jobs);
  });

  it('lists with cursor pagination, oldest first, as GET shows them', async () => {
    const tenant = await api.createTenant('Carrier Pager');
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push(
        (await create(tenant, { name: `C${i}`, outbound: { gateways: [{ host: `192.0.2.${100 + i}` }] } })).body.id,
      );
    }
    const first = await api.request<Page<Carrier>>('GET', '/v1/carriers?limit=2', { key: tenant.key });
    expect(first.body.data.map((c) => c.id)).toEqual(ids.slice(0, 2));
    const second = await api.request<Page<Carrier>>('GET', `/v1/carriers?limit=2&cursor=${first.body.nextCursor}`, {
      key: tenant.key,
    });
    expect(second.body).toEqual({ data: [expect.objectContaining({ id: ids[2] })], nextCursor: null });
    const single = await api.request<Carrier>('GET', `/v1/carriers/${ids[0]}`, { key: tenant.key });
    expect(first.body.data[0]).toEqual(single.body);
    expectProblem(await api.request('GET', '/v1/carriers?limit=0', { key: tenant.key }), 400);
  });

  it('needs an account key and is in the OpenAPI document', async () => {
    expect((await api.request('GET', '/v1/carriers')).status).toBe(401);
    expect((await api.request('GET', '/v1/carriers', { key: api.adminKey })).status).toBe(403);
    const openapi: JsonResponse<{ paths: Record<string, Record<string, { description?: string }>> }> =
      await api.request('GET', '/openapi.json');
    expect(Object.keys(openapi.body.paths['/v1/carriers/{id}'] ?? {})).toEqual(
      expect.arrayContaining(['get', 'patch', 'delete']),
    );
    expect(openapi.body.paths['/v1/carriers/{id}']?.delete?.description).toMatch(/phone numbers .* carrierId null/);
  });
});

/** REGISTERING with an inbound username of its own (they are unique on the platform). */
function registeringWith(inboundUsername: string) {
  return {
    ...REGISTERING,
    inbound: { ...REGISTERING.inbound, auth: { username: inboundUsername, password: 'inbound-secret-9' } },
  };
}
