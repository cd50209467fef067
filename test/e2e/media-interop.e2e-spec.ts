import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiHarness } from '../support/api-harness';
import { type BaresipMediaEncryption, BaresipPhone, type BaresipOptions } from '../support/baresip-harness';
import { startRemoteRecording, stopRemoteRecording, writeToneWav } from '../support/browser-audio';
import { BrowserHarness, type PhonePage } from '../support/browser-harness';
import { clientTokenForEdge } from '../support/client-tokens';
import { KamailioHarness } from '../support/sip-harness';
import { createResource, routingEdgeEnv } from '../support/trunks';
import { isolateQueues } from '../support/test-run';
import { type PcmAudio, expectHears, readWav } from '../support/tone-analysis';
import { WorkerHarness } from '../support/worker-harness';

type Tenant = { accountId: string; sipDomain: string; key: string };

const PASSWORD = 'interop-phone-password';
/** Every browser's microphone plays this tone; each phone sends its own. */
const BROWSER_TONE = 1400;
const PHONE_TONE = 600;
/** How long each call carries audio before it is analysed. */
const TALK_MS = 3000;

/** The media line and crypto attributes of an SDP (from a SIP message with its body). */
function mediaOf(message: string): { profile: string | undefined; cryptoSuites: string[] } {
  return {
    profile: /^m=audio \d+ (\S+)/m.exec(message)?.[1],
    cryptoSuites: [...message.matchAll(/^a=crypto:\d+ (\S+)/gm)].map((match) => match[1]),
  };
}

/**
 * Real softphones (baresip from Debian) and real browsers (Chromium) through the edge (Kamailio + rtpengine):
 * each side sends its own tone; what each side recorded is analysed (Goertzel), not packet counts.
 */
describe('Media interop (e2e: baresip, Chromium, Kamailio, rtpengine)', () => {
  let api: ApiHarness;
  let edge: KamailioHarness;
  let browser: BrowserHarness;
  let worker: WorkerHarness;
  let acme: Tenant;
  const toneDir = mkdtempSync(join(tmpdir(), 'callwire-tones-'));
  const pages: PhonePage[] = [];
  const phones: BaresipPhone[] = [];
  const userIds = new Map<string, string>();

  async function setSrtp(username: string, srtp: 'off' | 'offer' | 'require'): Promise<void> {
    const updated = await api.request('PATCH', `/v1/sip-users/${userIds.get(username)}`, {
      key: acme.key,
      body: { srtp },
    });
    expect(updated).toMatchObject({ status: 200, body: { srtp } });
  }

  beforeAll(async () => {
    isolateQueues('media-interop');
    const browserTone = join(toneDir, 'browser.wav');
    writeToneWav(browserTone, BROWSER_TONE);
    [api, browser] = await Promise.all([
      ApiHarness.start(),
      BrowserHarness.launch([
        `--use-file-for-fake-audio-capture=${browserTone}`,
        '--autoplay-policy=no-user-gesture-required',
      ]),
    ]);
    // The edge asks this API for carrier calls' routes (started first).
    // Early media plays while the call rings: longer than the harness's 2 s no-answer timer.
    edge = await KamailioHarness.start({ ...routingEdgeEnv(api), SIP_NO_ANSWER_MS: '15000' });
    process.env.EDGE_RPC_PORT = String(edge.rpcPort);
    worker = await WorkerHarness.start();
    acme = await api.createTenant('Media Interop Acme');
    for (const username of ['deskphone', 'softphone']) {
      const created = await api.request<{ id: string }>('POST', '/v1/sip-users', {
        key: acme.key,
        body: { username, password: PASSWORD },
      });
      userIds.set(username, created.body.id);
    }
  }, 90_000);
  afterEach(async () => {
    await Promise.all(pages.splice(0).map((page) => page.close()));
    await Promise.all(phones.splice(0).map((phone) => phone.stop()));
    // A phone unregisters when it stops; a contact left behind would fork the next test's calls to nobody.
    const deadline = Date.now() + 5000;
    for (;;) {
      const listed = await api.request<{ data: { aor: string }[] }>('GET', '/v1/registrations', { key: acme.key });
      const phonesLeft = listed.body.data.filter(({ aor }) => [...userIds.keys()].some((user) => aor.includes(user)));
      if (phonesLeft.length === 0 || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    for (const username of userIds.keys()) await setSrtp(username, 'offer');
  });
  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await api?.close();
    await edge?.stop();
    rmSync(toneDir, { recursive: true, force: true });
  });

  /** A browser registered as a client identity; the token names this edge's WSS port (the API started first). */
  async function browserParty(identity: string): Promise<PhonePage> {
    const page = await browser.openPhone(api.baseUrl, { rtcConfiguration: { bundlePolicy: 'max-bundle' } });
    pages.push(page);
    await page.connect(await clientTokenForEdge(api, acme.key, identity, edge.wssPort));
    return page;
  }

  async function phone(
    user: string,
    options: Partial<Omit<BaresipOptions, 'user' | 'password' | 'domain' | 'edgePort'>> = {},
  ): Promise<BaresipPhone> {
    const started = await BaresipPhone.start({
      user,
      password: PASSWORD,
      domain: acme.sipDomain,
      edgePort: options.transport === 'tls' ? edge.tlsPort : edge.port,
      toneHz: PHONE_TONE,
      ...options,
    });
    phones.push(started);
    return started;
  }

  /** Both sides talk for TALK_MS; returns what the browser heard. */
  async function talk(page: PhonePage): Promise<PcmAudio> {
    await startRemoteRecording(page.page);
    await page.page.waitForTimeout(TALK_MS);
    return stopRemoteRecording(page.page);
  }

  const encryptions: [string, BaresipMediaEncryption | undefined, string, boolean][] = [
    ['SDES-SRTP (RTP/SAVP)', 'srtp-mand', 'RTP/SAVP', true],
    ['OSRTP (RTP/AVP with a=crypto)', 'srtp', 'RTP/AVP', true],
    ['plain RTP', undefined, 'RTP/AVP', false],
  ];

  it.each(encryptions)(
    'SIP phone with %s → browser: each hears the other; the answer keeps the profile and crypto offered',
    async (_, mediaEncryption, profile, encrypted) => {
      const bob = await browserParty('bob');
      const desk = await phone('deskphone', { mediaEncryption });
      desk.dial(`sip:client.bob@${acme.sipDomain}`);
      await bob.waitForIncoming();
      await bob.answer();
      await bob.waitForCallState('active');
      await desk.waitForEvent('CALL_ESTABLISHED');
      const heardByBrowser = await talk(bob);
      desk.hangup();
      await desk.waitForEvent('CALL_CLOSED');
      await bob.waitForCallState('ended');

      expectHears(heardByBrowser, PHONE_TONE, BROWSER_TONE);
      expectHears(readWav(desk.recordings().received), BROWSER_TONE, PHONE_TONE);
      const [offer] = desk.sipMessages(/^INVITE sip:/);
      const answer = desk.sipMessages(/^SIP\/2\.0 200/).find((message) => message.includes('m=audio'));
      expect(mediaOf(offer ?? '')).toMatchObject({ profile });
      const answered = mediaOf(answer ?? '');
      expect(answered.profile).toBe(profile);
      if (encrypted) {
        expect(answered.cryptoSuites).toHaveLength(1);
        expect(mediaOf(offer ?? '').cryptoSuites).toContain(answered.cryptoSuites[0]);
      } else {
        expect(answered.cryptoSuites).toEqual([]);
      }
      expect(bob.errors).toEqual([]);
    },
    60_000,
  );

  it.each(encryptions.filter(([, encryption]) => encryption !== 'srtp-mand'))(
    'browser → SIP phone with %s: each hears the other',
    async (_, mediaEncryption, profile, encrypted) => {
      const alice = await browserParty('alice');
      const desk = await phone('deskphone', { mediaEncryption });
      await alice.call('deskphone');
      await desk.waitForEvent('CALL_ESTABLISHED');
      await alice.waitForCallState('active');
      const heardByBrowser = await talk(alice);
      await alice.hangup();
      await desk.waitForEvent('CALL_CLOSED');

      expectHears(heardByBrowser, PHONE_TONE, BROWSER_TONE);
      expectHears(readWav(desk.recordings().received), BROWSER_TONE, PHONE_TONE);
      const answer = desk.sipMessages(/^SIP\/2\.0 200/).find((message) => message.includes('m=audio'));
      expect(mediaOf(answer ?? '').profile).toBe(profile);
      expect(mediaOf(answer ?? '').cryptoSuites.length > 0).toBe(encrypted);
      expect(alice.errors).toEqual([]);
    },
    60_000,
  );

  describe('SRTP policy (srtp on SIP users)', () => {
    it('is offer by default, can be set on create and update, and refuses other values', async () => {
      const listed = await api.request<{ data: { username: string; srtp: string }[] }>('GET', '/v1/sip-users', {
        key: acme.key,
      });
      expect(listed.body.data.map(({ srtp }) => srtp)).toEqual(['offer', 'offer']);
      const created = await api.request('POST', '/v1/sip-users', {
        key: acme.key,
        body: { username: 'trunkphone', password: PASSWORD, srtp: 'require' },
      });
      expect(created).toMatchObject({ status: 201, body: { srtp: 'require' } });
      const refused = await api.request('PATCH', `/v1/sip-users/${String(created.body.id)}`, {
        key: acme.key,
        body: { srtp: 'mandatory' },
      });
      expect(refused.status).toBe(400);
      await api.request('DELETE', `/v1/sip-users/${String(created.body.id)}`, { key: acme.key });
    });

    it('require: a browser calling the phone offers RTP/SAVP, which an SDES-only phone takes; each hears the other', async () => {
      await setSrtp('deskphone', 'require');
      const alice = await browserParty('alice');
      const desk = await phone('deskphone', { mediaEncryption: 'srtp-mand' });
      await alice.call('deskphone');
      await desk.waitForEvent('CALL_ESTABLISHED');
      await alice.waitForCallState('active');
      const heardByBrowser = await talk(alice);
      await alice.hangup();
      await desk.waitForEvent('CALL_CLOSED');

      expectHears(heardByBrowser, PHONE_TONE, BROWSER_TONE);
      expectHears(readWav(desk.recordings().received), BROWSER_TONE, PHONE_TONE);
      const [offer] = desk.sipMessages(/^INVITE sip:/);
      expect(mediaOf(offer ?? '').profile).toBe('RTP/SAVP');
      expect(mediaOf(offer ?? '').cryptoSuites).toEqual(
        expect.arrayContaining(['AES_CM_128_HMAC_SHA1_80', 'AES_CM_128_HMAC_SHA1_32']),
      );
      expect(mediaOf(offer ?? '').cryptoSuites.some((suite) => /NULL|F8|GCM/.test(suite))).toBe(false);
    }, 60_000);

    it('require: a call the phone places with plain RTP is refused with 488 "SRTP required"', async () => {
      await setSrtp('deskphone', 'require');
      const bob = await browserParty('bob');
      const desk = await phone('deskphone');
      desk.dial(`sip:client.bob@${acme.sipDomain}`);
      const closed = await desk.waitForEvent('CALL_CLOSED');
      expect(closed.param).toMatch(/488/);
      const [refusal] = desk.sipMessages(/^SIP\/2\.0 488/);
      expect(refusal).toMatch(/SRTP required/);
      expect(await bob.callStatus()).toMatchObject({ state: 'idle' });
      expect(await edge.media.sessions()).toBe(0);
    }, 60_000);

    it('off: a browser calling the phone offers plain RTP/AVP without crypto', async () => {
      await setSrtp('deskphone', 'off');
      const alice = await browserParty('alice');
      const desk = await phone('deskphone');
      await alice.call('deskphone');
      await desk.waitForEvent('CALL_ESTABLISHED');
      await alice.waitForCallState('active');
      const heardByBrowser = await talk(alice);
      await alice.hangup();
      await desk.waitForEvent('CALL_CLOSED');

      expectHears(heardByBrowser, PHONE_TONE, BROWSER_TONE);
      expectHears(readWav(desk.recordings().received), BROWSER_TONE, PHONE_TONE);
      const [offer] = desk.sipMessages(/^INVITE sip:/);
      expect(mediaOf(offer ?? '')).toEqual({ profile: 'RTP/AVP', cryptoSuites: [] });
    }, 60_000);

    it.each([
      ['an SDES-only phone calls a plain-RTP phone (policy off)', 'srtp-mand', undefined, 'off'],
      ['a plain-RTP phone calls an SDES-only phone (policy require)', undefined, 'srtp-mand', 'require'],
    ] as const)(
      'SRTP <-> RTP between phones through rtpengine: %s; each hears the other',
      async (_, callerEncryption, calleeEncryption, calleePolicy) => {
        await setSrtp('softphone', calleePolicy);
        const callee = await phone('softphone', { mediaEncryption: calleeEncryption, toneHz: 900 });
        const caller = await phone('deskphone', { mediaEncryption: callerEncryption });
        caller.dial(`sip:softphone@${acme.sipDomain}`);
        await caller.waitForEvent('CALL_ESTABLISHED');
        await callee.waitForEvent('CALL_ESTABLISHED');
        expect(await edge.media.sessions()).toBe(1);
        await new Promise((resolve) => setTimeout(resolve, TALK_MS));
        caller.hangup();
        await callee.waitForEvent('CALL_CLOSED');

        expectHears(readWav(caller.recordings().received), 900, PHONE_TONE);
        expectHears(readWav(callee.recordings().received), PHONE_TONE, 900);
        const [offerToCallee] = callee.sipMessages(/^INVITE sip:/);
        expect(mediaOf(offerToCallee ?? '').profile).toBe(calleePolicy === 'require' ? 'RTP/SAVP' : 'RTP/AVP');
        expect(mediaOf(offerToCallee ?? '').cryptoSuites.length > 0).toBe(calleePolicy === 'require');
      },
      60_000,
    );

    it('a carrier whose policy is require gets RTP/SAVP from a plain-RTP phone calling out; each hears the other', async () => {
      const number = '+15550001111';
      const gateway = await phone(number, { mediaEncryption: 'srtp-mand', toneHz: 900, register: false });
      const carrierId = await createResource(api, acme, '/v1/carriers', {
        name: 'SRTP carrier',
        srtp: 'require',
        outbound: { gateways: [{ host: '127.0.0.1', port: gateway.sipPort }] },
      });
      await createResource(api, acme, '/v1/outbound-routes', { name: 'US', prefix: '+1555', carrierId });
      const desk = await phone('deskphone');
      desk.dial(`sip:${number}@${acme.sipDomain}`);
      await desk.waitForEvent('CALL_ESTABLISHED');
      await gateway.waitForEvent('CALL_ESTABLISHED');
      await new Promise((resolve) => setTimeout(resolve, TALK_MS));
      desk.hangup();
      await gateway.waitForEvent('CALL_CLOSED');

      expectHears(readWav(desk.recordings().received), 900, PHONE_TONE);
      expectHears(readWav(gateway.recordings().received), PHONE_TONE, 900);
      const [offerToCarrier] = gateway.sipMessages(/^INVITE sip:/);
      expect(mediaOf(offerToCarrier ?? '').profile).toBe('RTP/SAVP');
    }, 60_000);
  });
  describe('Transcoding on codec mismatch', () => {
    it.each([['G722'], ['opus']])(
      'a %s-only phone calls a PCMU-only phone: rtpengine adds G.711 to the offer and transcodes; each hears the other',
      async (callerCodec) => {
        const callee = await phone('softphone', { codecs: ['PCMU'], toneHz: 900 });
        const caller = await phone('deskphone', { codecs: [callerCodec] });
        caller.dial(`sip:softphone@${acme.sipDomain}`);
        await caller.waitForEvent('CALL_ESTABLISHED');
        await callee.waitForEvent('CALL_ESTABLISHED');
        expect(await edge.media.sessions()).toBe(1);
        await new Promise((resolve) => setTimeout(resolve, TALK_MS));
        caller.hangup();
        await callee.waitForEvent('CALL_CLOSED');

        expectHears(readWav(caller.recordings().received), 900, PHONE_TONE);
        expectHears(readWav(callee.recordings().received), PHONE_TONE, 900);
        const [offerToCallee] = callee.sipMessages(/^INVITE sip:/);
        expect(offerToCallee).toMatch(/^a=rtpmap:0 PCMU\/8000/m);
        const answerToCaller = caller.sipMessages(/^SIP\/2\.0 200/).find((message) => message.includes('m=audio'));
        expect(answerToCaller).toMatch(new RegExp(`^a=rtpmap:\\d+ ${callerCodec}/`, 'm'));
        expect(answerToCaller).not.toMatch(/PCMU/);
      },
      60_000,
    );

    it('a caller whose codecs rtpengine cannot transcode (L16) gets 488 with the reason, never a silent call', async () => {
      await phone('softphone', { codecs: ['PCMU'], toneHz: 900 });
      const caller = await phone('deskphone', { codecs: ['L16'] });
      caller.dial(`sip:softphone@${acme.sipDomain}`);
      const closed = await caller.waitForEvent('CALL_CLOSED');
      expect(closed.param).toMatch(/488/);
      const [refusal] = caller.sipMessages(/^SIP\/2\.0 488/);
      expect(refusal).toMatch(/no transcodable codec/);
      expect(refusal).toMatch(/^Reason: SIP;cause=488;text="no codec in common/m);
      expect(await edge.media.sessions()).toBe(0);
    }, 60_000);
  });
  describe('Transports', () => {
    it.each([['tcp'], ['tls']] as const)(
      'phones registered over %s call each other (over TLS: SDES-SRTP end to end); each hears the other',
      async (transport) => {
        // Over TLS both phones use SDES-SRTP, end to end (signalling and media encrypted).
        const mediaEncryption = transport === 'tls' ? 'srtp-mand' : undefined;
        const callee = await phone('softphone', { transport, toneHz: 900, mediaEncryption });
        const caller = await phone('deskphone', { transport, mediaEncryption });
        expect(caller.output).toMatch(new RegExp(`\\{0/${transport.toUpperCase()}/v4\\} 200 OK`));
        caller.dial(`sip:softphone@${acme.sipDomain}`);
        await caller.waitForEvent('CALL_ESTABLISHED');
        await callee.waitForEvent('CALL_ESTABLISHED');
        await new Promise((resolve) => setTimeout(resolve, TALK_MS));
        caller.hangup();
        await callee.waitForEvent('CALL_CLOSED');

        expectHears(readWav(caller.recordings().received), 900, PHONE_TONE);
        expectHears(readWav(callee.recordings().received), PHONE_TONE, 900);
      },
      60_000,
    );
  });
  describe('Codecs between phones and browsers', () => {
    it.each([['PCMU'], ['G722'], ['opus']])(
      'a %s-only phone and a browser, both directions: the call uses it and each hears the other',
      async (codec) => {
        const desk = await phone('deskphone', { codecs: [codec] });
        const bob = await browserParty('bob');
        desk.dial(`sip:client.bob@${acme.sipDomain}`);
        await bob.waitForIncoming();
        await bob.answer();
        await bob.waitForCallState('active');
        await desk.waitForEvent('CALL_ESTABLISHED');
        const heardByBob = await talk(bob);
        expect((await bob.stats()).codec).toMatch(new RegExp(codec, 'i'));
        desk.hangup();
        await desk.waitForEvent('CALL_CLOSED');
        await bob.waitForCallState('ended');
        expectHears(heardByBob, PHONE_TONE, BROWSER_TONE);
        expectHears(readWav(desk.recordings().received), BROWSER_TONE, PHONE_TONE);

        const closedBefore = desk.eventCount();
        await bob.call('deskphone');
        await desk.waitForEvent('CALL_ESTABLISHED', 15_000, closedBefore);
        await bob.waitForCallState('active');
        const heardByBobCalling = await talk(bob);
        expect((await bob.stats()).codec).toMatch(new RegExp(codec, 'i'));
        await bob.hangup();
        await desk.waitForEvent('CALL_CLOSED', 15_000, closedBefore);
        expectHears(heardByBobCalling, PHONE_TONE, BROWSER_TONE);
        expectHears(readWav(desk.recordings().received), BROWSER_TONE, PHONE_TONE);
      },
      90_000,
    );
  });
  it('DTMF: keys pressed in the browser reach the phone as RFC 4733 telephone-events through rtpengine', async () => {
    const alice = await browserParty('alice');
    const desk = await phone('deskphone', { mediaEncryption: 'srtp' });
    await alice.call('deskphone');
    await desk.waitForEvent('CALL_ESTABLISHED');
    await alice.waitForCallState('active');
    const before = desk.eventCount();
    await alice.sendDtmf('1');
    expect((await desk.waitForEvent('CALL_DTMF_START', 10_000, before)).param).toBe('1');
    const afterFirst = desk.eventCount();
    await alice.sendDtmf('#');
    expect((await desk.waitForEvent('CALL_DTMF_START', 10_000, afterFirst)).param).toBe('#');
    await alice.hangup();
    await desk.waitForEvent('CALL_CLOSED');
  }, 60_000);
});
