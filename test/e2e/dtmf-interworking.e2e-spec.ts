import { ApiHarness } from '../support/api-harness';
import { BaresipPhone } from '../support/baresip-harness';
import { freeSipPort } from '../support/free-port';
import { KamailioHarness, runSipp, startSippUas } from '../support/sip-harness';
import { isolateQueues } from '../support/test-run';
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

  async function phone(user: string): Promise<BaresipPhone> {
    const started = await BaresipPhone.start({
      user,
      password: PASSWORD,
      domain: acme.sipDomain,
      edgePort: edge.port,
      toneHz: 600,
      codecs: ['PCMU'],
    });
    phones.push(started);
    return started;
  }

  beforeAll(async () => {
    isolateQueues('dtmf-interworking');
    // rtpengine (started with the edge) reports digits to this spec's worker only.
    process.env.RTPENGINE_DTMF_PORT = String(await freeSipPort());
    api = await ApiHarness.start();
    edge = await KamailioHarness.start();
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
    try {
      const info = await startSippUas({
        scenario: 'dtmf-info-callee',
        edgePort: edge.port,
        localPort: registration.localPort,
        keys: { user: 'infophone', domain: acme.sipDomain, digit: '7' },
        // Its media flows (the caller's, echoed): rtpengine plays the digit into that stream.
        rtpEcho: true,
        timeoutSeconds: 30,
      });
      const soft = await phone('softphone');
      soft.dial(`sip:infophone@${acme.sipDomain}`);
      await soft.waitForEvent('CALL_ESTABLISHED');
      const dtmf = await soft.waitForEvent('CALL_DTMF_START', 10_000);
      expect(dtmf.param).toBe('7');
      // The edge answered the INFO itself (SIPp checks its 200) and played the digit in the media: the RFC 4733
      // phone saw no INFO.
      expect(soft.sipMessages(/^INFO sip:/)).toEqual([]);
      soft.hangup();
      const result = await info.done;
      expect(result).toMatchObject({ exitCode: 0 });
    } finally {
      await register(0, registration.localPort);
    }
  }, 60_000);
});
