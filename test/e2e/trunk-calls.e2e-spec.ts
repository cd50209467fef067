import { ApiHarness } from '../support/api-harness';
import { eventually } from '../support/eventually';
import { KamailioHarness, runSipp, startRegisteredCallee, startSippUas } from '../support/sip-harness';
import { isolateDatabase, isolateQueues } from '../support/test-run';
import { createResource, finalCallRecord, routingEdgeEnv } from '../support/trunks';
import { WorkerHarness } from '../support/worker-harness';

type Tenant = { accountId: string; sipDomain: string; key: string };

const PASSWORD = 'trunk-test-password';
const CARRIER_IP = '127.0.0.3';
const STRANGER_IP = '127.0.0.4';

/** Carriers in and out with real SIP: SIPp as carrier and gateways, Kamailio asking the API for each call. */
describe('Trunks: carrier calls to numbers, calls out through gateways (e2e, Kamailio + SIPp)', () => {
  let api: ApiHarness;
  let edge: KamailioHarness;
  let worker: WorkerHarness;
  let acme: Tenant;

  beforeAll(async () => {
    isolateQueues('trunk-calls');
    // Every edge registers with every carrier of its database that asks for it: the registering carrier
    // below must not reach the edges of other specs.
    await isolateDatabase('trunk_calls');
    process.env.REGISTRATION_SYNC_INTERVAL_MS = '500';
    api = await ApiHarness.start();
    edge = await KamailioHarness.start(routingEdgeEnv(api));
    process.env.EDGE_RPC_PORT = String(edge.rpcPort);
    worker = await WorkerHarness.start();
    acme = await api.createTenant('Trunks Acme');
    await api.request('POST', '/v1/sip-users', { key: acme.key, body: { username: 'alice', password: PASSWORD } });
    const carrierId = await createResource(api, acme, '/v1/carriers', {
      name: 'Inbound carrier',
      inbound: { allowedAddresses: [`${CARRIER_IP}/32`] },
    });
    await createResource(api, acme, '/v1/phone-numbers', {
      number: '+15550001001',
      carrierId,
      route: { type: 'sip-user', target: 'alice' },
    });
  }, 60_000);
  afterAll(async () => {
    await worker?.close();
    await edge?.stop();
    await api?.close();
  });

  const carrierCall = (number: string, outcome: 'answer' | 'reject', final?: number, localIp = CARRIER_IP) =>
    runSipp({
      scenario: 'carrier',
      outcome,
      final,
      localIp,
      edgePort: edge.port,
      keys: { number, caller: '+14155550100' },
      timeoutSeconds: 20,
    });

  const userCall = (target: string, outcome: 'answer' | 'reject', final?: number) =>
    runSipp({
      scenario: 'caller',
      outcome,
      final,
      edgePort: edge.port,
      keys: { user: 'alice', domain: acme.sipDomain, target, target_domain: acme.sipDomain },
      auth: { username: 'alice', password: PASSWORD },
      timeoutSeconds: 20,
    });

  describe('inbound', () => {
    it('a call from an allowed carrier address to a number rings the SIP user it routes to', async () => {
      const alice = await startRegisteredCallee({
        edgePort: edge.port,
        user: 'alice',
        domain: acme.sipDomain,
        password: PASSWORD,
        outcome: 'answer',
      });
      try {
        expect(await carrierCall('+15550001001', 'answer')).toMatchObject({ exitCode: 0 });
        expect(await alice.done).toMatchObject({ exitCode: 0 });
      } finally {
        await alice.finish();
      }
      const call = await finalCallRecord(
        api,
        acme,
        (record) => record.to.includes('+15550001001') && record.status === 'completed',
      );
      expect(call).toMatchObject({ direction: 'inbound', status: 'completed' });
    });

    it('the number in national form (no +) is the same number', async () => {
      const alice = await startRegisteredCallee({
        edgePort: edge.port,
        user: 'alice',
        domain: acme.sipDomain,
        password: PASSWORD,
        outcome: 'reject',
      });
      try {
        expect(await carrierCall('15550001001', 'reject', 486)).toMatchObject({ exitCode: 0 });
      } finally {
        await alice.finish();
      }
    });

    it('a call from an address no carrier has, without credentials → challenged by the edge (407)', async () => {
      expect(await carrierCall('+15550001001', 'reject', 407, STRANGER_IP)).toMatchObject({ exitCode: 0 });
    });

    it('when the platform cannot be asked (API down), a carrier call gets 503 at once, never a hang', async () => {
      const { freeSipPort } = await import('../support/free-port');
      const orphan = await KamailioHarness.start({
        ...routingEdgeEnv(api),
        EDGE_API_ROUTES_URL: `http://127.0.0.1:${await freeSipPort()}/internal/edge/routes`,
      });
      try {
        const started = Date.now();
        const result = await runSipp({
          scenario: 'carrier',
          outcome: 'reject',
          final: 503,
          localIp: CARRIER_IP,
          edgePort: orphan.port,
          keys: { number: '+15550001001', caller: '+14155550100' },
        });
        expect(result).toMatchObject({ exitCode: 0 });
        expect(Date.now() - started).toBeLessThan(3000);
      } finally {
        await orphan.stop();
      }
    });

    it('a known carrier calling a number that does not exist here → 404', async () => {
      expect(await carrierCall('+15550009999', 'reject', 404)).toMatchObject({ exitCode: 0 });
    });

    it('a number whose SIP user is not registered → 480, recorded as an inbound call', async () => {
      expect(await carrierCall('+15550001001', 'reject', 480)).toMatchObject({ exitCode: 0 });
      const call = await finalCallRecord(api, acme, (record) => record.sipStatus === 480);
      expect(call).toMatchObject({ direction: 'inbound', status: 'failed', sipStatus: 480 });
    });
  });

  it('registers with a carrier that asks for it (digest), shows the state, and routes its call to the number', async () => {
    const { freeSipPort } = await import('../support/free-port');
    const registrarPort = await freeSipPort();
    const alice = await startRegisteredCallee({
      edgePort: edge.port,
      user: 'alice',
      domain: acme.sipDomain,
      password: PASSWORD,
      outcome: 'answer',
    });
    const registrar = await startSippUas({
      scenario: 'carrier-registrar',
      edgePort: edge.port,
      localPort: registrarPort,
      keys: { auth_user: 'acme-trunk', auth_pass: 'registration-secret', number: '+15550001001', caller: '+1415' },
      timeoutSeconds: 25,
    });
    const carrierId = await createResource(api, acme, '/v1/carriers', {
      name: 'Registering carrier',
      outbound: {
        gateways: [{ host: '127.0.0.1', port: registrarPort }],
        auth: { username: 'acme-trunk', password: 'registration-secret' },
        register: { enabled: true, expires: 60 },
      },
    });
    try {
      expect(await registrar.done).toMatchObject({ exitCode: 0 });
      expect(await alice.done).toMatchObject({ exitCode: 0 });
    } finally {
      await alice.finish();
    }
    await eventually(
      async () => {
        const { body } = await api.request<{ outbound: { register: { state: string } } }>(
          'GET',
          `/v1/carriers/${carrierId}`,
          { key: acme.key },
        );
        expect(body.outbound.register.state).toBe('registered');
      },
      { timeoutMs: 10_000, intervalMs: 300, description: "the carrier's registration state in the API" },
    );
  }, 40_000);

  describe('outbound', () => {
    let primaryPort: number;
    let secondaryPort: number;

    beforeAll(async () => {
      const { freeSipPort } = await import('../support/free-port');
      [primaryPort, secondaryPort] = [await freeSipPort(), await freeSipPort()];
      const carrierId = await createResource(api, acme, '/v1/carriers', {
        name: 'Outbound carrier',
        outbound: {
          gateways: [
            { host: '127.0.0.1', port: primaryPort, priority: 1 },
            { host: '127.0.0.1', port: secondaryPort, priority: 2 },
          ],
          auth: { username: 'trunk-account', password: 'trunk-secret' },
        },
      });
      await createResource(api, acme, '/v1/outbound-routes', { name: 'UK', prefix: '+44', priority: 1, carrierId });
    });

    const gateway = (port: number, outcome: 'answer' | 'reject', final?: number) =>
      startSippUas({ scenario: 'callee', outcome, final, edgePort: edge.port, localPort: port, keys: { user: 'gw' } });

    it('fails over to the next gateway when the first answers 503', async () => {
      const primary = await gateway(primaryPort, 'reject', 503);
      const secondary = await gateway(secondaryPort, 'answer');
      expect(await userCall('+442071234567', 'answer')).toMatchObject({ exitCode: 0 });
      expect(await primary.done).toMatchObject({ exitCode: 0 });
      expect(await secondary.done).toMatchObject({ exitCode: 0 }); // INVITE, ACK and BYE reached it
      const call = await finalCallRecord(
        api,
        acme,
        (record) => record.to.includes('+442071234567') && record.status === 'completed',
      );
      expect(call.direction).toBe('outbound');
    });

    it("fails over when the first gateway does not answer at all, and answers the next one's digest challenge", async () => {
      const secondary = await startSippUas({
        scenario: 'gateway-auth',
        edgePort: edge.port,
        localPort: secondaryPort,
        keys: { auth_user: 'trunk-account', auth_pass: 'trunk-secret' },
      });
      expect(await userCall('+442071234568', 'answer')).toMatchObject({ exitCode: 0 });
      expect(await secondary.done).toMatchObject({ exitCode: 0 }); // verifyauth accepted the credentials
    });

    it('does not fail over when the first gateway answers 486 (the callee is busy)', async () => {
      // Nothing listens on the second gateway: a failover would end in 408, not in the callee's 486.
      const primary = await gateway(primaryPort, 'reject', 486);
      expect(await userCall('+442071234569', 'reject', 486)).toMatchObject({ exitCode: 0 });
      expect(await primary.done).toMatchObject({ exitCode: 0 });
    });

    it('a number no route matches → 404', async () => {
      expect(await userCall('+33123456789', 'reject', 404)).toMatchObject({ exitCode: 0 });
    });
  });
});
