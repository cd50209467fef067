import { Queue } from 'bullmq';
import { type EdgeSyncJob, QueueName, redisOptionsFromUrl } from '@callwire/queues';
import { ApiHarness } from '../support/api-harness';
import { eventually } from '../support/eventually';
import { KamailioHarness, runSipp, startSippUas } from '../support/sip-harness';
import { openTls, openWss, registerOverLink } from '../support/sip-stream-client';
import { WorkerHarness } from '../support/worker-harness';
import { isolateQueues } from '../support/test-run';

interface Registration {
  aor: string;
  contact: string;
  transport: string;
  sourceAddress: string | null;
  userAgent: string;
  expiresAt: string;
  sipUserId: string | null;
  identity: string | null;
  clientTokenId: string | null;
}

type Tenant = { accountId: string; sipDomain: string; key: string };

describe('SIP edge: registrations with digest auth (e2e, Kamailio + SIPp)', () => {
  let api: ApiHarness;
  let edge: KamailioHarness;
  let worker: WorkerHarness;
  let acme: Tenant;
  let globex: Tenant;
  const ids: Record<string, string> = {};
  let queuePrefix: string;

  const createUser = async (tenant: Tenant, username: string, password: string) => {
    const response = await api.request<{ id: string }>('POST', '/v1/sip-users', {
      key: tenant.key,
      body: { username, password },
    });
    return response.body.id;
  };
  const register = (
    tenant: Tenant,
    user: string,
    password: string,
    final: number,
    extra: { transport?: 'udp' | 'tcp'; expires?: number; localPort?: number; domain?: string } = {},
  ) =>
    runSipp({
      scenario: 'register',
      edgePort: edge.port,
      final,
      transport: extra.transport,
      localPort: extra.localPort,
      keys: { user, domain: extra.domain ?? tenant.sipDomain, expires: String(extra.expires ?? 3600) },
      auth: { username: user, password },
    });
  /** An authenticated OPTIONS from one user to another through the edge, ending with `final`. */
  const sendOptions = (
    caller: { from: string; password: string; tenant: Tenant },
    target: string,
    targetTenant: Tenant,
    final: number,
  ) =>
    runSipp({
      scenario: 'options-uac',
      edgePort: edge.port,
      final,
      keys: { user: caller.from, domain: caller.tenant.sipDomain, target, target_domain: targetTenant.sipDomain },
      auth: { username: caller.from, password: caller.password },
    });
  const registrations = async (tenant: Tenant) =>
    (await api.request<{ data: Registration[] }>('GET', '/v1/registrations', { key: tenant.key })).body.data;
  const registrationOf = async (tenant: Tenant, user: string) =>
    (await registrations(tenant)).find((registration) => registration.aor === `sip:${user}@${tenant.sipDomain}`);

  beforeAll(async () => {
    queuePrefix = isolateQueues('edge-registrations');
    api = await ApiHarness.start();
    edge = await KamailioHarness.start();
    process.env.EDGE_RPC_PORT = String(edge.rpcPort);
    worker = await WorkerHarness.start();
    acme = await api.createTenant('Edge Acme');
    globex = await api.createTenant('Edge Globex');
    ids.alice = await createUser(acme, 'alice', 'alice-password');
    ids.bob = await createUser(acme, 'bob', 'bob-password');
    ids.carol = await createUser(acme, 'carol', 'carol-password');
    ids.dave = await createUser(acme, 'dave', 'dave-password');
    ids.globexAlice = await createUser(globex, 'alice', 'globex-alice-password');
  }, 60_000);
  afterAll(async () => {
    await worker?.close();
    await edge?.stop();
    await api?.close();
  });

  it('registers over UDP with the right password and lists it in the API within 1 s', async () => {
    const result = await register(acme, 'alice', 'alice-password', 200);
    expect(result).toMatchObject({ exitCode: 0 });
    const registration = await eventually(async () => (await registrationOf(acme, 'alice')) ?? false, {
      timeoutMs: 1000,
      intervalMs: 10,
      description: "alice's registration in the API",
    });
    expect(registration).toEqual({
      aor: `sip:alice@${acme.sipDomain}`,
      contact: `sip:alice@127.0.0.1:${result.localPort};transport=UDP`,
      transport: 'udp',
      sourceAddress: `127.0.0.1:${result.localPort}`,
      userAgent: 'callwire-test-sipp',
      expiresAt: expect.any(String),
      sipUserId: ids.alice,
      identity: null,
      clientTokenId: null,
    });
    expect(new Date(registration.expiresAt).getTime()).toBeGreaterThan(Date.now() + 3500_000);
  });

  it('registers over TCP', async () => {
    const result = await register(acme, 'bob', 'bob-password', 200, { transport: 'tcp' });
    expect(result).toMatchObject({ exitCode: 0 });
    expect(await registrationOf(acme, 'bob')).toMatchObject({ transport: 'tcp', sipUserId: ids.bob });
  });

  it.each([
    ['TLS', openTls, 'tls'],
    ['secure WebSocket', openWss, 'wss'],
  ] as const)('registers over %s', async (_name, open, transport) => {
    const link = await open(transport === 'tls' ? edge.tlsPort : edge.wssPort);
    try {
      const user = transport === 'tls' ? 'bob' : 'dave';
      const password = `${user}-password`;
      await api.request('PATCH', `/v1/sip-users/${ids[user]}`, { key: acme.key, body: { password } });
      const wrong = await registerOverLink(link, { user, domain: acme.sipDomain, password: 'wrong-password' });
      expect(wrong.status).toBe(401);
      const { status, contact } = await registerOverLink(link, { user, domain: acme.sipDomain, password });
      expect(status).toBe(200);
      const registration = (await registrations(acme)).find((candidate) => candidate.contact === contact);
      expect(registration).toMatchObject({
        transport,
        sourceAddress: `127.0.0.1:${link.localPort}`,
        sipUserId: ids[user],
      });
    } finally {
      link.close();
    }
  });

  it('wrong password → 401, and nothing is stored', async () => {
    expect(await register(acme, 'carol', 'not-her-password', 401)).toMatchObject({ exitCode: 0 });
    expect(await registrationOf(acme, 'carol')).toBeUndefined();
  });

  it('a user disabled through the API → 403', async () => {
    await api.request('PATCH', `/v1/sip-users/${ids.carol}`, { key: acme.key, body: { enabled: false } });
    expect(await register(acme, 'carol', 'carol-password', 403)).toMatchObject({ exitCode: 0 });
    await api.request('PATCH', `/v1/sip-users/${ids.carol}`, { key: acme.key, body: { enabled: true } });
    expect(await register(acme, 'carol', 'carol-password', 200, { expires: 60 })).toMatchObject({ exitCode: 0 });
  });

  it('a password rotated through the API takes effect at the next REGISTER', async () => {
    await api.request('PATCH', `/v1/sip-users/${ids.dave}`, { key: acme.key, body: { password: 'dave-new-password' } });
    expect(await register(acme, 'dave', 'dave-password', 401)).toMatchObject({ exitCode: 0 });
    expect(await register(acme, 'dave', 'dave-new-password', 200, { expires: 60 })).toMatchObject({ exitCode: 0 });
  });

  it('unknown domain → 403', async () => {
    expect(
      (await register(acme, 'alice', 'alice-password', 403, { domain: 'nobody.callwire.localhost' })).exitCode,
    ).toBe(0);
  });

  it('tenancy: alice@globex is not alice@acme, and each account lists only its own', async () => {
    expect(await register(globex, 'alice', 'alice-password', 401)).toMatchObject({ exitCode: 0 });
    expect(await register(globex, 'alice', 'globex-alice-password', 200)).toMatchObject({ exitCode: 0 });
    const globexList = await registrations(globex);
    expect(globexList.map((registration) => registration.aor)).toEqual([`sip:alice@${globex.sipDomain}`]);
    expect(globexList[0]?.sipUserId).toBe(ids.globexAlice);
    expect((await registrations(acme)).every((registration) => registration.aor.endsWith(`@${acme.sipDomain}`))).toBe(
      true,
    );
  });

  it('an endpoint cannot reach another account: 403', async () => {
    const result = await sendOptions(
      { from: 'alice', password: 'globex-alice-password', tenant: globex },
      'alice',
      acme,
      403,
    );
    expect(result).toMatchObject({ exitCode: 0 });
  });

  it('un-REGISTER (Expires: 0) removes the registration', async () => {
    const result = await register(acme, 'bob', 'bob-password', 200, { expires: 3600 });
    expect(
      (await register(acme, 'bob', 'bob-password', 200, { expires: 0, localPort: result.localPort })).exitCode,
    ).toBe(0);
    const bob = (await registrations(acme)).filter((registration) => registration.aor.startsWith('sip:bob@'));
    expect(bob.map((registration) => registration.contact)).not.toContain(
      `sip:bob@127.0.0.1:${result.localPort};transport=UDP`,
    );
  });

  it('an expired registration disappears', async () => {
    const result = await register(acme, 'dave', 'dave-new-password', 200, { expires: 1 });
    expect(result).toMatchObject({ exitCode: 0 });
    const contact = `sip:dave@127.0.0.1:${result.localPort};transport=UDP`;
    await eventually(
      async () =>
        expect((await registrations(acme)).map((registration) => registration.contact)).not.toContain(contact),
      { timeoutMs: 10_000, description: "dave's expired registration to disappear" },
    );
  });

  describe('the worker drops registrations at the edge (edge-sync queue → Kamailio JSON-RPC)', () => {
    const waitUntilGone = (contact: string, timeoutMs = 5000) =>
      eventually(async () => !(await registrations(acme)).some((registration) => registration.contact === contact), {
        timeoutMs,
        description: `${contact} to be gone from the registrations`,
      });
    const registerFresh = async (username: string, password: string) => {
      const id = await createUser(acme, username, password);
      const device = await register(acme, username, password, 200);
      expect(device).toMatchObject({ exitCode: 0 });
      return { id, contact: `sip:${username}@127.0.0.1:${device.localPort};transport=UDP` };
    };

    it('when the user is disabled; it is then unreachable', async () => {
      const erin = await registerFresh('erin', 'erin-password');
      await api.request('PATCH', `/v1/sip-users/${erin.id}`, { key: acme.key, body: { enabled: false } });
      await waitUntilGone(erin.contact);
      const call = await sendOptions({ from: 'bob', password: 'bob-password', tenant: acme }, 'erin', acme, 404);
      expect(call).toMatchObject({ exitCode: 0 });
    });

    it('when the password is rotated', async () => {
      const frank = await registerFresh('frank', 'frank-password');
      await api.request('PATCH', `/v1/sip-users/${frank.id}`, { key: acme.key, body: { password: 'frank-new-pw' } });
      await waitUntilGone(frank.contact);
    });

    it('retries while the edge is down, and applies the change once it is back', async () => {
      const hank = await registerFresh('hank', 'hank-password');
      await edge.stopEdge();
      await api.request('PATCH', `/v1/sip-users/${hank.id}`, { key: acme.key, body: { enabled: false } });
      const edgeSync = new Queue<EdgeSyncJob>(QueueName.EdgeSync, {
        connection: redisOptionsFromUrl(process.env.REDIS_URL || 'redis://127.0.0.1:6379'),
        prefix: queuePrefix,
      });
      try {
        await eventually(
          async () =>
            (await edgeSync.getJobs(['delayed', 'wait', 'active', 'failed'])).some(
              (job) =>
                job.data.kind === 'deregister-user' &&
                job.data.aor === `hank@${acme.sipDomain}` &&
                job.attemptsMade > 0,
            ),
          { timeoutMs: 10_000, description: "the worker's first attempt to drop hank's registration to fail" },
        );
      } finally {
        await edgeSync.close();
      }
      await edge.launch(); // reloads hank's registration from PostgreSQL
      await waitUntilGone(hank.contact, 15_000);
    });

    it('when the user is deleted', async () => {
      const gina = await registerFresh('gina', 'gina-password');
      expect((await api.request('DELETE', `/v1/sip-users/${gina.id}`, { key: acme.key })).status).toBe(204);
      await waitUntilGone(gina.contact);
    });
  });

  it('registrations survive an edge restart and stay reachable', async () => {
    const device = await register(acme, 'alice', 'alice-password', 200);
    expect(device).toMatchObject({ exitCode: 0 });
    await edge.restart();
    expect((await registrations(acme)).map((registration) => registration.contact)).toContain(
      `sip:alice@127.0.0.1:${device.localPort};transport=UDP`,
    );

    // The registered device (now a SIPp UAS on the same port) is reached through the edge after restart.
    const uas = await startSippUas({ scenario: 'options-uas', edgePort: edge.port, localPort: device.localPort });
    const caller = await sendOptions({ from: 'bob', password: 'bob-password', tenant: acme }, 'alice', acme, 200);
    expect(caller).toMatchObject({ exitCode: 0 });
    expect(await uas.done).toMatchObject({ exitCode: 0 });
  });
});
