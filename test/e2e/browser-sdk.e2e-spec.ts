import { encodeClientToken } from '@callwire/client-token';
import { ApiHarness } from '../support/api-harness';
import { eventually } from '../support/eventually';
import { BrowserHarness, type PhonePage } from '../support/browser-harness';
import { issueClientToken, withLifetime } from '../support/client-tokens';
import { freeSipPort } from '../support/free-port';
import { CoturnHarness } from '../support/media-harness';
import { KamailioHarness } from '../support/sip-harness';
import { WorkerHarness } from '../support/worker-harness';
import { isolateQueues } from '../support/test-run';

type Tenant = { accountId: string; sipDomain: string; key: string };
interface Registration {
  aor: string;
  transport: string;
  identity: string | null;
  clientTokenId: string | null;
}

/** The demo softphone and the SDK in Chromium, against the real edge (Kamailio over WSS). */
describe('Browser SDK and demo phone (e2e: Chromium, Kamailio)', () => {
  let api: ApiHarness;
  let browser: BrowserHarness;
  let edge: KamailioHarness;
  let worker: WorkerHarness;
  let turn: CoturnHarness;
  let acme: Tenant;
  let phone: PhonePage | undefined;

  beforeAll(async () => {
    isolateQueues('browser-sdk');
    [edge, turn] = await Promise.all([KamailioHarness.start(), CoturnHarness.start()]);
    process.env.TURN_PORT = String(turn.port);
    process.env.SIP_WSS_PORT = String(edge.wssPort);
    process.env.EDGE_RPC_PORT = String(edge.rpcPort);
    [api, browser, worker] = await Promise.all([ApiHarness.start(), BrowserHarness.launch(), WorkerHarness.start()]);
    acme = await api.createTenant('Browser SDK Acme');
  }, 60_000);
  afterEach(async () => {
    await phone?.close();
    phone = undefined;
  });
  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await edge?.stop();
    await turn?.stop();
    await api?.close();
  });

  const registrations = async () =>
    (await api.request<{ data: Registration[] }>('GET', '/v1/registrations', { key: acme.key })).body.data;

  it('serves the page and the SDK: the Callwire global loads, without page errors (CSP included)', async () => {
    phone = await browser.openPhone(api.baseUrl);
    expect(await phone.page.evaluate('typeof Callwire.Phone')).toBe('function');
    expect(await phone.registration()).toEqual({ state: 'disconnected', text: 'Not connected' });
    expect(await phone.callStatus()).toMatchObject({ state: 'idle' });
    expect(phone.errors).toEqual([]);
  });

  it('a malformed token: a clear error in #status', async () => {
    phone = await browser.openPhone(api.baseUrl);
    const notAToken = await phone.connect('hello', { expect: 'error' });
    expect(notAToken.text).toBe('Invalid client token: not a Callwire client token.');
    const garbled = await phone.connect('cwt_%%%', { expect: 'error' });
    expect(garbled.text).toBe('Invalid client token: client token is not readable.');
    expect(await registrations()).toEqual([]);
  });

  it('?token= fills the form and leaves the address bar', async () => {
    phone = await browser.openPhone(`${api.baseUrl}`);
    await phone.page.goto(`${api.baseUrl}/phone?token=cwt_abc`);
    expect(await phone.page.inputValue('#token')).toBe('cwt_abc');
    expect(new URL(phone.page.url()).search).toBe('');
  });

  it('registers over WSS with an API token (listed by the API), and unregisters on Disconnect', async () => {
    phone = await browser.openPhone(api.baseUrl);
    const issued = await issueClientToken(api, acme.key, { identity: 'alice' });
    const status = await phone.connect(issued.token);
    expect(status.text).toBe(`Registered as sip:client.alice@${acme.sipDomain}`);
    // The edge writes the contact, then its token tag (location_attrs): a list in between has no token yet.
    await eventually(
      async () =>
        expect(await registrations()).toEqual([
          expect.objectContaining({
            aor: `sip:client.alice@${acme.sipDomain}`,
            transport: 'wss',
            identity: 'alice',
            clientTokenId: issued.id,
          }),
        ]),
      { timeoutMs: 3000, description: 'the registration listed with its client token' },
    );
    await phone.disconnect();
    expect(await registrations()).toEqual([]);
  });

  it('a revoked or expired token: the edge refuses it and the error carries the SIP status', async () => {
    phone = await browser.openPhone(api.baseUrl);
    const revoked = await issueClientToken(api, acme.key, { identity: 'mallory' });
    await api.request('DELETE', `/v1/client-tokens/${revoked.id}`, { key: acme.key });
    await new Promise((r) => setTimeout(r, 1000)); // the worker tells the edge within a second
    const refused = await phone.connect(revoked.token, { expect: 'error' });
    expect(refused.text).toBe('Registration failed: Rejected (SIP 403 Forbidden - token revoked).');

    const expired = withLifetime((await issueClientToken(api, acme.key, { identity: 'mallory' })).token, -5).token;
    const refusedExpired = await phone.connect(expired, { expect: 'error' });
    expect(refusedExpired.text).toMatch(/^Registration failed: .*\(SIP 401/);
  });

  it('an unreachable edge: a clear error, not a hang', async () => {
    phone = await browser.openPhone(api.baseUrl);
    const { claims } = withLifetime((await issueClientToken(api, acme.key, { identity: 'bob' })).token, 600);
    const wsUrl = `ws://127.0.0.1:${await freeSipPort()}`;
    const status = await phone.connect(encodeClientToken({ ...claims, wsUrl }), { expect: 'error' });
    expect(status.text).toContain(`Could not connect to the SIP edge at ${wsUrl}`);
  });

  it('refreshes the token before it expires and re-registers with the new credentials', async () => {
    phone = await browser.openPhone(api.baseUrl);
    const shortLived = withLifetime((await issueClientToken(api, acme.key, { identity: 'carol' })).token, 3).token;
    const fresh = await issueClientToken(api, acme.key, { identity: 'carol' });
    let refreshes = 0;
    await phone.connect(shortLived, {
      refreshToken: async () => {
        refreshes++;
        return fresh.token;
      },
    });
    await phone.page.waitForSelector('#status:has-text("token refreshed")', { timeout: 10_000 });
    expect(refreshes).toBe(1);
    expect((await phone.registration()).state).toBe('registered');
    // The edge now holds the registration made with the fresh token.
    const carol = (await registrations()).filter((registration) => registration.identity === 'carol');
    expect(carol.map((registration) => registration.clientTokenId)).toEqual([fresh.id]);
  });

  /** ICE candidates Chromium gathers through TURN only (iceTransportPolicy relay) with these servers. */
  const relayCandidates = (page: PhonePage, iceServers: unknown) =>
    page.page.evaluate<string[]>(`(async (iceServers) => {
      const pc = new RTCPeerConnection({ iceServers, iceTransportPolicy: 'relay' });
      const candidates = [];
      pc.onicecandidate = (event) => event.candidate && candidates.push(event.candidate.candidate);
      const gathered = new Promise((done) => {
        pc.onicegatheringstatechange = () => pc.iceGatheringState === 'complete' && done();
        setTimeout(done, 8000);
      });
      pc.addTransceiver('audio');
      await pc.setLocalDescription(await pc.createOffer());
      await gathered;
      pc.close();
      return candidates;
    })(${JSON.stringify(iceServers)})`);

  it("the demo phone's calls use the token's iceServers (STUN and TURN) unless the page gives its own", async () => {
    phone = await browser.openPhone(api.baseUrl);
    const issued = await issueClientToken(api, acme.key, { identity: 'erin' });
    await phone.connect(issued.token);
    const configured = await phone.page.evaluate(`(() => {
      const call = callwire.phone.call('nobody-registered');
      const { iceServers } = call.peerConnection.getConfiguration();
      call.hangup();
      return iceServers;
    })()`);
    expect(configured).toEqual(issued.iceServers.map((server) => expect.objectContaining(server)));
  });

  it("TURN: the token's iceServers let the browser allocate a relay on coturn; a forged credential does not", async () => {
    phone = await browser.openPhone(api.baseUrl);
    const { iceServers } = await issueClientToken(api, acme.key, { identity: 'dora' });
    expect(iceServers[1]?.urls).toContain(`turn:127.0.0.1:${turn.port}?transport=udp`);
    const relayed = await relayCandidates(phone, iceServers);
    expect(relayed.some((candidate) => / typ relay /.test(candidate))).toBe(true);
    const forged = iceServers.map((server) => (server.credential ? { ...server, credential: 'forged' } : server));
    expect(await relayCandidates(phone, forged)).toEqual([]);
  });
});
