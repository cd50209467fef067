import { ApiHarness } from '../support/api-harness';
import { BaresipPhone } from '../support/baresip-harness';
import { freeSipPort } from '../support/free-port';
import { KamailioHarness, type SippResult, runSipp, startSippUas } from '../support/sip-harness';
import { isolateQueues } from '../support/test-run';
import { createResource, routingEdgeEnv } from '../support/trunks';
import { WorkerHarness } from '../support/worker-harness';
import { eventually } from '../support/eventually';

type Tenant = { accountId: string; sipDomain: string; key: string };

const PASSWORD = 'dtmf-phone-password';

/**
 * DTMF interworking with real clients through the edge (Kamailio + rtpengine + the worker): a side that only
 * understands SIP INFO (dtmf: info on its SIP user) and a side that uses RFC 4733 telephone-events (baresip,
 * dtmf: rfc4733) get each other's digits in their own method, both ways.
 */
describe('DTMF interworking (e2e: baresip, SIPp, Kamailio, rtpengine, worker)', () => {
  let api: ApiHarness;
  let edge: KamailioHarness;
  let worker: WorkerHarness;
  let acme: Tenant;
  const phones: BaresipPhone[] = [];
  const userIds = new Map<string, string>();

  async function setDtmf(username: string, dtmf: 'rfc4733' | 'info'): Promise<void> {
    const updated = await api.request('PATCH', `/v1/sip-users/${userIds.get(username)}`, {
      key: acme.key,
      body: { dtmf },
    });
    expect(updated).toMatchObject({ status: 200, body: { dtmf } });
  }

  async function phone(user: string, options: { register?: boolean } = {}): Promise<BaresipPhone> {
    const started = await BaresipPhone.start({
      user,
      password: PASSWORD,
      domain: acme.sipDomain,
      edgePort: edge.port,
      toneHz: 600,
      codecs: ['PCMU'],
      ...options,
    });
    phones.push(started);
    return started;
  }

  /**
   * The INFO-only phone (SIPp, user infophone, dtmf: info), registered from its own port: it takes one call and
   * sends `digit` in it as a SIP INFO. `unregister()` removes its contact (a stale one would fork later calls).
   */
  async function infoPhone(digit: string): Promise<{ done: Promise<SippResult>; unregister(): Promise<unknown> }> {
    const register = (expires: number, localPort?: number) =>
      runSipp({
        scenario: 'register',
        final: 200,
        edgePort: edge.port,
        localPort,
        keys: { user: 'infophone', domain: acme.sipDomain, expires: String(expires) },
        auth: { username: 'infophone', password: PASSWORD },
      });
    const registration = await register(60);
    expect(registration.exitCode).toBe(0);
    const unregister = () => register(0, registration.localPort);
    try {
      const call = await startSippUas({
        scenario: 'dtmf-info-callee',
        edgePort: edge.port,
        localPort: registration.localPort,
        keys: { user: 'infophone', domain: acme.sipDomain, digit },
        // Its media flows (the caller's, echoed): rtpengine plays the digit into that stream.
        rtpEcho: true,
        timeoutSeconds: 30,
      });
      return { done: call.done, unregister };
    } catch (error) {
      await unregister();
      throw error;
    }
  }

  beforeAll(async () => {
    isolateQueues('dtmf-interworking');
    // rtpengine (started with the edge) reports digits to this spec's worker only.
    process.env.RTPENGINE_DTMF_PORT = String(await freeSipPort());
    api = await ApiHarness.start();
    // The edge asks this API for calls to numbers (carrier gateways).
    edge = await KamailioHarness.start(routingEdgeEnv(api));
    process.env.EDGE_RPC_PORT = String(edge.rpcPort);
    worker = await WorkerHarness.start();
    acme = await api.createTenant('DTMF Acme');
    for (const username of ['softphone', 'deskphone', 'infophone']) {
      const created = await api.request<{ id: string }>('POST', '/v1/sip-users', {
        key: acme.key,
        body: { username, password: PASSWORD, ...(username === 'infophone' ? { dtmf: 'info' } : {}) },
      });
      expect(created.status).toBe(201);
      userIds.set(username, created.body.id);
    }
  }, 90_000);
  afterEach(async () => {
    await Promise.all(phones.splice(0).map((started) => started.stop()));
    await setDtmf('deskphone', 'rfc4733');
  });
  afterAll(async () => {
    process.env.RTPENGINE_DTMF_PORT = '0';
    await worker?.close();
    await api?.close();
    await edge?.stop();
  });

  it('dtmf is rfc4733 by default, info when asked, and refuses other values', async () => {
    const listed = await api.request<{ data: { username: string; dtmf: string }[] }>('GET', '/v1/sip-users', {
      key: acme.key,
    });
    expect(Object.fromEntries(listed.body.data.map(({ username, dtmf }) => [username, dtmf]))).toEqual({
      softphone: 'rfc4733',
      deskphone: 'rfc4733',
      infophone: 'info',
    });
    const refused = await api.request('PATCH', `/v1/sip-users/${userIds.get('deskphone')}`, {
      key: acme.key,
      body: { dtmf: 'inband' },
    });
    expect(refused.status).toBe(400);
  });

  it.each([
    ['callee', 'softphone', 'deskphone'],
    ['caller', 'deskphone', 'softphone'],
  ])(
    'RFC 4733 → INFO: digits a phone sends as telephone-events reach an INFO-only %s as SIP INFO',
    async (_, callerName, calleeName) => {
      await setDtmf('deskphone', 'info');
      const caller = await phone(callerName);
      const callee = await phone(calleeName);
      const [soft, desk] = callerName === 'softphone' ? [caller, callee] : [callee, caller];
      caller.dial(`sip:${calleeName}@${acme.sipDomain}`);
      await caller.waitForEvent('CALL_ESTABLISHED');
      await callee.waitForEvent('CALL_ESTABLISHED');
      // Each digit reaches the INFO-only side as an INFO inside the call (baresip also reports it).
      const infoDigits = () => desk.sipMessages(/^INFO sip:/).map((info) => /^Signal=(\S+)/m.exec(info)?.[1]);
      for (const [count, digit] of ['5', '#'].entries()) {
        soft.command('sndcode', digit);
        await eventually(() => infoDigits().length > count, { timeoutMs: 10_000, description: `INFO ${digit}` });
      }
      expect(infoDigits()).toEqual(['5', '#']);
      expect(
        desk.sipMessages(/^INFO sip:/).every((info) => /^Content-Type: application\/dtmf-relay/im.test(info)),
      ).toBe(true);
      await desk.waitForEvent('CALL_DTMF_START');
      expect(soft.sipMessages(/^INFO sip:/)).toEqual([]);
      // The call goes on normally after the INFOs: the caller's BYE is taken.
      caller.hangup();
      await callee.waitForEvent('CALL_CLOSED');
      await caller.waitForEvent('CALL_CLOSED');
      expect(desk.sipMessages(/^SIP\/2\.0 500/)).toEqual([]);
    },
    60_000,
  );

  it('INFO → RFC 4733: a digit an INFO-only phone sends as SIP INFO reaches the other phone as a telephone-event', async () => {
    const info = await infoPhone('7');
    try {
      const soft = await phone('softphone');
      soft.dial(`sip:infophone@${acme.sipDomain}`);
      await soft.waitForEvent('CALL_ESTABLISHED');
      const dtmf = await soft.waitForEvent('CALL_DTMF_START', 10_000);
      expect(dtmf.param).toBe('7');
      // The edge answered the INFO itself (SIPp checks its 200) and played the digit in the media: the RFC 4733
      // phone saw no INFO.
      expect(soft.sipMessages(/^INFO sip:/)).toEqual([]);
      soft.hangup();
      expect(await info.done).toMatchObject({ exitCode: 0 });
    } finally {
      await info.unregister();
    }
  }, 60_000);

  it("a carrier whose dtmf is info gets a phone's telephone-events as SIP INFO (the routing decision names its mode)", async () => {
    const number = '+15550002222';
    // The carrier's gateway: baresip taking calls on its own port, no registration.
    const gateway = await phone(number, { register: false });
    const carrierId = await createResource(api, acme, '/v1/carriers', {
      name: 'INFO carrier',
      dtmf: 'info',
      outbound: { gateways: [{ host: '127.0.0.1', port: gateway.sipPort }] },
    });
    await createResource(api, acme, '/v1/outbound-routes', { name: 'US', prefix: '+1555', carrierId });
    const soft = await phone('softphone');
    soft.dial(`sip:${number}@${acme.sipDomain}`);
    await gateway.waitForEvent('CALL_ESTABLISHED');
    await soft.waitForEvent('CALL_ESTABLISHED');
    soft.command('sndcode', '3');
    await eventually(() => gateway.sipMessages(/^INFO sip:/).some((info) => /^Signal=3\r?$/m.test(info)), {
      description: 'the INFO at the carrier',
    });
    soft.hangup();
    await gateway.waitForEvent('CALL_CLOSED');
  }, 60_000);

  it('digits appear on the call record only when the account records DTMF (both methods)', async () => {
    type CallRecord = { sipCallId: string; status: string; dtmfDigits?: string };
    const settings = await api.request('GET', '/v1/account-settings', { key: acme.key });
    expect(settings).toMatchObject({ status: 200, body: { recordDtmf: false } });
    await setDtmf('deskphone', 'info');

    /** A call from the softphone to the INFO-only deskphone with `digits` pressed; its record once ended. */
    async function callWithDigits(digits: string[]): Promise<CallRecord> {
      const soft = await phone('softphone');
      const desk = await phone('deskphone');
      soft.dial(`sip:deskphone@${acme.sipDomain}`);
      await desk.waitForEvent('CALL_ESTABLISHED');
      await soft.waitForEvent('CALL_ESTABLISHED');
      for (const [count, digit] of digits.entries()) {
        soft.command('sndcode', digit);
        await eventually(() => desk.sipMessages(/^INFO sip:/).length > count, { description: `INFO ${digit}` });
      }
      const sipCallId = /^Call-ID: (\S+)/im.exec(desk.sipMessages(/^INVITE sip:/)[0] ?? '')?.[1];
      soft.hangup();
      await desk.waitForEvent('CALL_CLOSED');
      await Promise.all(phones.splice(0).map((started) => started.stop()));
      return eventually(
        async () => {
          const listed = await api.request<{ data: CallRecord[] }>('GET', '/v1/calls?order=desc', { key: acme.key });
          const call = listed.body.data.find((record) => record.sipCallId === sipCallId);
          return call?.status === 'completed' ? call : false;
        },
        { description: `the record of call ${sipCallId}` },
      );
    }

    // Off (the default): the digits went through, the record has none.
    expect(await callWithDigits(['1', '2'])).not.toHaveProperty('dtmfDigits');

    const on = await api.request('PATCH', '/v1/account-settings', { key: acme.key, body: { recordDtmf: true } });
    expect(on).toMatchObject({ status: 200, body: { recordDtmf: true } });
    const recorded = await callWithDigits(['4', '*', '9']);
    // The worker keeps digits as they arrive, after the call's own events: wait for all three.
    await eventually(
      async () => {
        const call = await api.request<CallRecord>('GET', `/v1/calls?order=desc`, { key: acme.key });
        const body = call.body as unknown as { data: CallRecord[] };
        expect(body.data.find((record) => record.sipCallId === recorded.sipCallId)?.dtmfDigits).toBe('4*9');
      },
      { description: 'the digits on the record' },
    );

    // An INFO-only phone's digit (the edge takes the INFO) is kept too.
    const info = await infoPhone('#');
    try {
      const soft = await phone('softphone');
      soft.dial(`sip:infophone@${acme.sipDomain}`);
      await soft.waitForEvent('CALL_DTMF_START', 15_000);
      soft.hangup();
      expect(await info.done).toMatchObject({ exitCode: 0 });
      await eventually(
        async () => {
          const listed = await api.request<{ data: CallRecord[] }>('GET', '/v1/calls?order=desc', { key: acme.key });
          expect(listed.body.data[0]).toMatchObject({ status: 'completed', dtmfDigits: '#' });
        },
        { description: "the INFO phone's digit on the record" },
      );
    } finally {
      await info.unregister();
      await api.request('PATCH', '/v1/account-settings', { key: acme.key, body: { recordDtmf: false } });
    }
  }, 120_000);
});
