import { verifyWebhook } from '@callwire/webhooks';
import { ApiHarness } from '../support/api-harness';
import { freeSipPort } from '../support/free-port';
import { KamailioHarness, runSipp, startRegisteredCallee, startSippUas } from '../support/sip-harness';
import { isolateQueues } from '../support/test-run';
import { createResource, routingEdgeEnv } from '../support/trunks';
import { WebhookReceiver } from '../support/webhook-receiver';
import { WorkerHarness } from '../support/worker-harness';

type Tenant = { accountId: string; sipDomain: string; key: string };

const PASSWORD = 'application-test-password';
const CARRIER_IP = '127.0.0.5';
const APPLICATION_TIMEOUT_MS = 500;

/** Unique on the platform (numbers are), whatever else this run created. */
const uniqueNumber = (): string => `+1777${String(Date.now()).slice(-6)}${Math.floor(Math.random() * 10)}`;

/**
 * Calls decided by an application (its voiceUrl, signed like webhooks) and carriers that authenticate
 * with digest credentials: SIPp as the carrier, a local HTTP server as the customer's application.
 */
describe('Trunks: application-decided routing and carrier digest auth (e2e, Kamailio + SIPp)', () => {
  let api: ApiHarness;
  let edge: KamailioHarness;
  let worker: WorkerHarness;
  let app: WebhookReceiver;
  let acme: Tenant;
  let carrierId: string;
  let signingSecret: string;
  let applicationId: string;

  beforeAll(async () => {
    isolateQueues('trunk-applications');
    process.env.APPLICATION_TIMEOUT_MS = String(APPLICATION_TIMEOUT_MS);
    [api, app] = await Promise.all([ApiHarness.start(), WebhookReceiver.start()]);
    edge = await KamailioHarness.start(routingEdgeEnv(api));
    process.env.EDGE_RPC_PORT = String(edge.rpcPort);
    worker = await WorkerHarness.start();
    acme = await api.createTenant('Applications Acme');
    await api.request('POST', '/v1/sip-users', { key: acme.key, body: { username: 'alice', password: PASSWORD } });
    carrierId = await createResource(api, acme, '/v1/carriers', {
      name: 'Application carrier',
      inbound: { allowedAddresses: [`${CARRIER_IP}/32`] },
    });
    const application = await api.request<{ id: string; signingSecret: string }>('POST', '/v1/applications', {
      key: acme.key,
      body: {
        name: 'IVR',
        voiceUrl: app.urlOf('/voice'),
        fallbackUrl: app.urlOf('/fallback'),
        statusCallbackUrl: app.urlOf('/status'),
      },
    });
    expect(application.status).toBe(201);
    ({ id: applicationId, signingSecret } = application.body);
  }, 60_000);
  afterAll(async () => {
    await worker?.close();
    await edge?.stop();
    await api?.close();
    await app?.close();
  });
  beforeEach(() => {
    app.received.length = 0;
  });

  async function numberForApplication(): Promise<string> {
    const number = uniqueNumber();
    await createResource(api, acme, '/v1/phone-numbers', {
      number,
      carrierId,
      route: { type: 'application', target: applicationId },
    });
    return number;
  }

  const carrierCall = (number: string, outcome: 'answer' | 'reject', final?: number) =>
    runSipp({
      scenario: 'carrier',
      outcome,
      final,
      localIp: CARRIER_IP,
      edgePort: edge.port,
      keys: { number, caller: '+14155550100' },
      timeoutSeconds: 20,
    });

  /** alice's phone (SIPp) registers and takes one call. */
  const aliceAnswers = () =>
    startRegisteredCallee({
      edgePort: edge.port,
      user: 'alice',
      domain: acme.sipDomain,
      password: PASSWORD,
      outcome: 'answer',
    });

  const json = (body: unknown) => ({ status: 200, body: JSON.stringify(body) });

  it('dial: the application names a SIP user, who is rung; the request is signed and describes the call', async () => {
    const number = await numberForApplication();
    app.answer = () => json({ action: 'dial', targets: [{ type: 'sip-user', target: 'alice' }], timeoutSeconds: 10 });
    const alice = await aliceAnswers();
    try {
      expect(await carrierCall(number, 'answer')).toMatchObject({ exitCode: 0 });
      expect(await alice.done).toMatchObject({ exitCode: 0 });
    } finally {
      await alice.finish();
    }
    const [request] = app.received;
    expect(request?.path).toBe('/voice');
    expect(() => verifyWebhook(signingSecret, request?.headers ?? {}, request?.body ?? '')).not.toThrow();
    expect(request?.json).toMatchObject({
      type: 'call.incoming',
      data: {
        applicationId,
        accountId: acme.accountId,
        direction: 'inbound',
        from: '+14155550100',
        to: number,
        carrierId,
      },
    });
  });

  it("statusCallbackUrl: the application's calls' events, signed with its secret, in order", async () => {
    const number = await numberForApplication();
    app.answer = (path) =>
      path === '/voice' ? json({ action: 'dial', targets: [{ type: 'sip-user', target: 'alice' }] }) : { status: 204 };
    const alice = await aliceAnswers();
    try {
      expect(await carrierCall(number, 'answer')).toMatchObject({ exitCode: 0 });
    } finally {
      await alice.finish();
    }
    const received = await app.waitFor(
      (all) => all.some((request) => request.path === '/status' && request.json.type === 'call.completed'),
      10_000,
    );
    const callbacks = received.filter((request) => request.path === '/status');
    expect(callbacks.map((request) => request.json.type)).toEqual([
      'call.initiated',
      'call.ringing',
      'call.answered',
      'call.completed',
    ]);
    for (const callback of callbacks) {
      expect(() => verifyWebhook(signingSecret, callback.headers, callback.body)).not.toThrow();
    }
    expect(callbacks[3]?.json.data).toMatchObject({ direction: 'inbound', status: 'completed' });
    // The status callback belongs to the application: the account's webhook list does not show it.
    const webhooks = await api.request<{ data: unknown[] }>('GET', '/v1/webhooks', { key: acme.key });
    expect(webhooks.body.data).toEqual([]);
  });

  it('reject: the caller gets the status the application chose', async () => {
    const number = await numberForApplication();
    app.answer = () => json({ action: 'reject', status: 486 });
    expect(await carrierCall(number, 'reject', 486)).toMatchObject({ exitCode: 0 });
  });

  it('forward: the call goes to the SIP URI the application names', async () => {
    const number = await numberForApplication();
    const deskPort = await freeSipPort();
    const desk = await startSippUas({
      scenario: 'callee',
      outcome: 'answer',
      edgePort: edge.port,
      localPort: deskPort,
      keys: { user: 'desk' },
    });
    app.answer = () => json({ action: 'forward', uri: `sip:desk@127.0.0.1:${deskPort}` });
    expect(await carrierCall(number, 'answer')).toMatchObject({ exitCode: 0 });
    expect(await desk.done).toMatchObject({ exitCode: 0 });
  });

  it('voiceUrl too slow → fallbackUrl decides', async () => {
    const number = await numberForApplication();
    app.answer = (path) =>
      path === '/voice'
        ? { ...json({ action: 'reject', status: 486 }), delayMs: APPLICATION_TIMEOUT_MS * 4 }
        : json({ action: 'reject', status: 603 });
    expect(await carrierCall(number, 'reject', 603)).toMatchObject({ exitCode: 0 });
    const asked = app.received.map((request) => request.path).filter((path) => path !== '/status');
    expect(asked).toEqual(['/voice', '/fallback']);
  });

  it('invalid answers from both URLs → 503, never a hang', async () => {
    const number = await numberForApplication();
    app.answer = (path) => (path === '/voice' ? { status: 200, body: 'not json' } : json({ action: 'play' }));
    const started = Date.now();
    expect(await carrierCall(number, 'reject', 503)).toMatchObject({ exitCode: 0 });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  describe('a carrier that authenticates with digest credentials', () => {
    let number: string;
    let username: string;

    beforeAll(async () => {
      const authCarrierId = await createResource(api, acme, '/v1/carriers', {
        name: 'Digest carrier',
        inbound: { auth: { username: `digest-${Date.now()}`, password: 'carrier-password' } },
      });
      const carrier = await api.request<{ inbound: { auth: { username: string } } }>(
        'GET',
        `/v1/carriers/${authCarrierId}`,
        { key: acme.key },
      );
      number = uniqueNumber();
      await createResource(api, acme, '/v1/phone-numbers', {
        number,
        carrierId: authCarrierId,
        route: { type: 'sip-user', target: 'alice' },
      });
      username = carrier.body.inbound.auth.username;
    });

    const digestCall = (password: string, final: number) =>
      runSipp({
        scenario: 'caller',
        outcome: 'reject',
        final,
        localIp: '127.0.0.6',
        edgePort: edge.port,
        keys: {
          user: '+14155550100',
          domain: 'carrier.example',
          target: number,
          target_domain: `127.0.0.1:${edge.port}`,
        },
        auth: { username, password },
        timeoutSeconds: 20,
      });

    it('is challenged (407), then routed with the right password', async () => {
      // alice is not registered: the routed call ends with 480, which proves it got past the carrier check.
      expect(await digestCall('carrier-password', 480)).toMatchObject({ exitCode: 0 });
    });

    it('is challenged again with a wrong password, and not routed', async () => {
      expect(await digestCall('wrong-password', 407)).toMatchObject({ exitCode: 0 });
    });
  });
});
