import { ApiHarness } from '../support/api-harness';
import { BrowserHarness, type PhonePage, type RtcConfiguration } from '../support/browser-harness';
import { issueClientToken, withLifetime } from '../support/client-tokens';
import { type CallOutcome, KamailioHarness, runSipp, startRegisteredCallee } from '../support/sip-harness';
import { isolateQueues } from '../support/test-run';
import { WorkerHarness } from '../support/worker-harness';

type Tenant = { accountId: string; sipDomain: string; key: string };

const PASSWORD = 'desk-phone-password';
const MAX_BUNDLE: RtcConfiguration = { bundlePolicy: 'max-bundle' };

/**
 * Real calls with media: Chromium (fake microphone) ↔ WSS ↔ Kamailio ↔ rtpengine ↔ SIPp (RTP echo) or
 * another Chromium page. Every browser uses bundlePolicy max-bundle, as real SDKs do.
 */
describe('Browser calls with media (e2e: Chromium, Kamailio, rtpengine, SIPp)', () => {
  let api: ApiHarness;
  let edge: KamailioHarness;
  let browser: BrowserHarness;
  let worker: WorkerHarness;
  let acme: Tenant;
  const pages: PhonePage[] = [];

  beforeAll(async () => {
    isolateQueues('browser-calls'); // the edge's call events go to this suite's worker
    edge = await KamailioHarness.start();
    process.env.SIP_WSS_PORT = String(edge.wssPort);
    process.env.EDGE_RPC_PORT = String(edge.rpcPort);
    [api, browser, worker] = await Promise.all([ApiHarness.start(), BrowserHarness.launch(), WorkerHarness.start()]);
    acme = await api.createTenant('Browser Calls Acme');
    for (const username of ['desk', 'frontdesk']) {
      await api.request('POST', '/v1/sip-users', { key: acme.key, body: { username, password: PASSWORD } });
    }
  }, 60_000);
  afterEach(async () => {
    await Promise.all(pages.splice(0).map((page) => page.close()));
  });
  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await api?.close();
    await edge?.stop();
  });

  /** A browser registered as client identity `identity`, with an API-issued token. */
  async function browserParty(identity: string, refreshToken?: () => Promise<string>, lifetimeSeconds?: number) {
    const page = await browser.openPhone(api.baseUrl, { rtcConfiguration: MAX_BUNDLE });
    pages.push(page);
    let { token } = await issueClientToken(api, acme.key, { identity });
    if (lifetimeSeconds !== undefined) token = withLifetime(token, lifetimeSeconds).token;
    await page.connect(token, { refreshToken });
    return page;
  }

  /** The desk phone (SIPp): registered, takes one call as `outcome` says and echoes the RTP it gets. */
  const deskPhone = (outcome: CallOutcome) =>
    startRegisteredCallee({
      edgePort: edge.port,
      user: 'desk',
      domain: acme.sipDomain,
      password: PASSWORD,
      outcome,
      rtpEcho: true,
    });

  /** ICE and DTLS connected, SRTP, and RTP both ways (the far end echoes or talks back). */
  async function expectMediaBothWays(page: PhonePage) {
    const stats = await page.waitForMedia(50);
    expect(stats).toMatchObject({
      iceState: expect.stringMatching(/^(connected|completed)$/),
      dtlsState: 'connected',
      codec: expect.stringMatching(/PCMU|PCMA|opus/i),
    });
    expect(stats.srtpCipher).toBeTruthy();
    expect(stats.packetsSent).toBeGreaterThan(0);
    expect(stats.packetsReceived).toBeGreaterThanOrEqual(50);
    return stats;
  }

  const waitForNoMediaSessions = async () => {
    const deadline = Date.now() + 3000;
    while ((await edge.media.sessions()) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    return edge.media.sessions();
  };

  it('browser → SIP phone: answered, media both ways through rtpengine, the browser hangs up', async () => {
    const desk = await deskPhone('answer');
    const alice = await browserParty('alice');
    await alice.call('desk');
    await alice.waitForCallState('active');
    expect(await edge.media.sessions()).toBe(1);
    await expectMediaBothWays(alice);
    await alice.hangup();
    await alice.waitForCallState('ended');
    // The page keeps showing the call's last figures, not zeros.
    await alice.page.waitForTimeout(1500); // past the page's 1 s statistics refresh
    const received = Number(/^(\d+) packets/.exec((await alice.page.textContent('#stats-received')) ?? '')?.[1]);
    expect(received).toBeGreaterThanOrEqual(50);
    expect(await alice.page.textContent('#stats-codec')).toMatch(/PCMU|PCMA|opus/i);
    expect(await desk.finish()).toMatchObject({ exitCode: 0 }); // the desk phone got the BYE
    expect(await waitForNoMediaSessions()).toBe(0);
    expect(alice.errors).toEqual([]);
    // The call record: from the browser's identity, over secure WebSocket, hung up by the caller.
    const deadline = Date.now() + 5000;
    let record: Record<string, unknown> | undefined;
    while (record?.status !== 'completed' && Date.now() < deadline) {
      const listed = await api.request<{ data: Record<string, unknown>[] }>('GET', '/v1/calls', { key: acme.key });
      record = listed.body.data.find((call) => call.from === `sip:client.alice@${acme.sipDomain}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(record).toMatchObject({
      to: `sip:desk@${acme.sipDomain}`,
      status: 'completed',
      transport: expect.stringMatching(/^wss?$/),
      hangupBy: 'caller',
    });
  });

  it('SIP phone → browser: the browser answers, media both ways, the phone hangs up', async () => {
    const bob = await browserParty('bob');
    const caller = runSipp({
      scenario: 'caller',
      outcome: 'answer',
      edgePort: edge.port,
      keys: { user: 'frontdesk', domain: acme.sipDomain, target: 'client.bob', target_domain: acme.sipDomain },
      auth: { username: 'frontdesk', password: PASSWORD },
      rtpEcho: true,
      holdMs: 6000,
      timeoutSeconds: 30,
    });
    expect(await bob.waitForIncoming()).toContain(`frontdesk@${acme.sipDomain}`);
    await bob.answer();
    await bob.waitForCallState('active');
    await expectMediaBothWays(bob);
    expect(await caller).toMatchObject({ exitCode: 0 }); // BYE from the phone, 200 from the browser
    await bob.waitForCallState('ended');
    expect(await waitForNoMediaSessions()).toBe(0);
  });

  it('browser ↔ browser: ringing, media both ways (max-bundle), DTMF and mute, hang up', async () => {
    const [alice, bob] = await Promise.all([browserParty('alice'), browserParty('bob')]);
    await alice.call('client:bob');
    expect(await bob.waitForIncoming()).toContain(`client.alice@${acme.sipDomain}`);
    await alice.waitForCallState('ringing');
    await bob.answer();
    await Promise.all([alice.waitForCallState('active'), bob.waitForCallState('active')]);
    await Promise.all([expectMediaBothWays(alice), expectMediaBothWays(bob)]);
    const bundlePolicy = await alice.page.evaluate(
      'window.callwire.currentCall.peerConnection.getConfiguration().bundlePolicy',
    );
    expect(bundlePolicy).toBe('max-bundle');
    await alice.sendDtmf('1#');
    await alice.toggleMute();
    expect(await alice.page.textContent('#mute')).toBe('Unmute');
    await bob.hangup();
    await Promise.all([alice.waitForCallState('ended'), bob.waitForCallState('ended')]);
    expect(await waitForNoMediaSessions()).toBe(0);
    expect([...alice.errors, ...bob.errors]).toEqual([]);
  });

  it('a token refresh during a call re-registers and leaves the call up', async () => {
    const fresh = await issueClientToken(api, acme.key, { identity: 'alice' });
    const [alice, bob] = await Promise.all([
      browserParty('alice', async () => fresh.token, 8), // refreshed about 6 s in
      browserParty('bob'),
    ]);
    await alice.call('client:bob');
    await bob.waitForIncoming();
    await bob.answer();
    await alice.waitForCallState('active');
    const before = await alice.waitForMedia(10);
    await alice.page.waitForSelector('#status:has-text("token refreshed")', { timeout: 15_000 });
    expect((await alice.callStatus()).state).toBe('active');
    const after = await alice.waitForMedia(before.packetsReceived + 50);
    expect(after.packetsSent).toBeGreaterThan(before.packetsSent);
    const registrations = await api.request<{ data: { clientTokenId: string | null }[] }>('GET', '/v1/registrations', {
      key: acme.key,
    });
    expect(registrations.body.data.map((registration) => registration.clientTokenId)).toContain(fresh.id);
    await alice.hangup();
    await bob.waitForCallState('ended');
    expect(await waitForNoMediaSessions()).toBe(0);
  });

  it('busy: the SIP phone answers 486, the browser call fails with 486 and the media session is freed', async () => {
    const desk = await deskPhone('reject');
    const alice = await browserParty('alice');
    await alice.call('desk');
    expect(await alice.waitForCallState('failed')).toMatchObject({ statusCode: 486 });
    expect(await desk.finish()).toMatchObject({ exitCode: 0 });
    expect(await waitForNoMediaSessions()).toBe(0);
  });

  it('canceled while ringing: the callee sees it end, the media session is freed', async () => {
    const [alice, bob] = await Promise.all([browserParty('alice'), browserParty('bob')]);
    await alice.call('client:bob');
    await bob.waitForIncoming();
    await alice.waitForCallState('ringing');
    await alice.hangup();
    expect((await bob.waitForCallState('failed')).text).toContain('Canceled');
    expect(await waitForNoMediaSessions()).toBe(0);
  });

  it('no answer: the edge gives up (408) and frees the media session', async () => {
    const [alice, bob] = await Promise.all([browserParty('alice'), browserParty('bob')]);
    await alice.call('client:bob');
    await bob.waitForIncoming();
    expect(await alice.waitForCallState('failed')).toMatchObject({ statusCode: 408 });
    expect(await waitForNoMediaSessions()).toBe(0);
  });

  it('an unregistered target: 404, no media session left', async () => {
    const alice = await browserParty('alice');
    await alice.call('client:nobody');
    expect(await alice.waitForCallState('failed')).toMatchObject({ statusCode: 404 });
    expect(await waitForNoMediaSessions()).toBe(0);
  });
});
