import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomInt } from 'node:crypto';
import { ApiHarness } from '../support/api-harness';
import { BaresipPhone } from '../support/baresip-harness';
import { startRemoteRecording, stopRemoteRecording, writeToneWav } from '../support/browser-audio';
import { BrowserHarness, type PhonePage } from '../support/browser-harness';
import { clientTokenForEdge } from '../support/client-tokens';
import { eventually } from '../support/eventually';
import { freeSipPort } from '../support/free-port';
import { writeTonePcap } from '../support/rtp-pcap';
import { KamailioHarness, runSipp, startSippUas } from '../support/sip-harness';
import { isolateQueues } from '../support/test-run';
import { type PcmAudio, expectHears, readWav } from '../support/tone-analysis';
import { type TrunkCallRecord, createResource, finalCallRecord, routingEdgeEnv } from '../support/trunks';
import { type ReceivedWebhook, WebhookReceiver } from '../support/webhook-receiver';
import { WorkerHarness } from '../support/worker-harness';

type Tenant = { accountId: string; sipDomain: string; key: string };
type CodecRecord = TrunkCallRecord & { reason: string | null; callerCodec: string | null; calleeCodec: string | null };

const PASSWORD = 'negotiation-phone-password';
/** The browsers' microphone; the carrier's ringback or announcement (pcap); the phones' own tones. */
const BROWSER_TONE = 1400;
const CARRIER_TONE = 425;
const CALLER_TONE = 600;
const CALLEE_TONE = 900;
/** How long the carrier plays early media before it answers or refuses. */
const EARLY_MEDIA_MS = 7000;
const TALK_MS = 3000;
/** Carriers recognised by their source address only (no registration, no digest credentials). */
const PLAIN_CARRIER_IP = '127.0.0.5';
const SRTP_CARRIER_IP = '127.0.0.6';
const randomDigits = (count: number) => String(randomInt(0, 10 ** count)).padStart(count, '0');

/**
 * What the edge negotiates about media beyond relaying it: early media from a carrier to a browser before the
 * answer, transcoding for a callee that refuses the caller's codecs, the codec of each leg in the call record,
 * and the SRTP policy of a carrier known only by its address. Real Kamailio, rtpengine, SIPp, baresip, Chromium.
 */
describe('Media negotiation: early media, codecs per leg, SRTP policy of address-only carriers (e2e)', () => {
  let api: ApiHarness;
  let edge: KamailioHarness;
  let browser: BrowserHarness;
  let worker: WorkerHarness;
  let receiver: WebhookReceiver;
  let acme: Tenant;
  const dir = mkdtempSync(join(tmpdir(), 'callwire-negotiation-'));
  const carrierTone = join(dir, 'ringback.pcap');
  const pages: PhonePage[] = [];
  const phones: BaresipPhone[] = [];
  const sipps: Promise<unknown>[] = [];

  beforeAll(async () => {
    isolateQueues('media-negotiation');
    const browserTone = join(dir, 'browser.wav');
    writeToneWav(browserTone, BROWSER_TONE);
    // Longer than the early media and the answered part after it: SIPp plays it from the 183 on.
    writeTonePcap(carrierTone, CARRIER_TONE, (EARLY_MEDIA_MS + 8000) / 1000);
    [api, browser, receiver] = await Promise.all([
      ApiHarness.start(),
      BrowserHarness.launch([
        `--use-file-for-fake-audio-capture=${browserTone}`,
        '--autoplay-policy=no-user-gesture-required',
      ]),
      WebhookReceiver.start(),
    ]);
    // The edge asks this API for carrier calls' routes (started first); early media rings longer than 2 s.
    edge = await KamailioHarness.start({ ...routingEdgeEnv(api), SIP_NO_ANSWER_MS: '15000' });
    process.env.EDGE_RPC_PORT = String(edge.rpcPort);
    worker = await WorkerHarness.start();
    acme = await api.createTenant('Media Negotiation Acme');
    for (const username of ['deskphone', 'softphone']) {
      await createResource(api, acme, '/v1/sip-users', { username, password: PASSWORD });
    }
    await createResource(api, acme, '/v1/webhooks', { url: receiver.url, events: ['call.answered', 'call.completed'] });
  }, 90_000);
  afterEach(async () => {
    await Promise.all(pages.splice(0).map((page) => page.close()));
    await Promise.all(phones.splice(0).map((phone) => phone.stop()));
    // A contact left behind would fork the next test's call to nobody.
    await eventually(
      async () => {
        const listed = await api.request<{ data: { aor: string }[] }>('GET', '/v1/registrations', { key: acme.key });
        expect(listed.body.data.filter(({ aor }) => /deskphone|softphone/.test(aor))).toEqual([]);
      },
      { timeoutMs: 5000, description: "the phones' registrations to go" },
    );
  });
  afterAll(async () => {
    await Promise.allSettled(sipps.splice(0));
    await browser?.close();
    await worker?.close();
    await edge?.stop();
    await api?.close();
    await receiver?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function browserParty(identity: string): Promise<PhonePage> {
    const page = await browser.openPhone(api.baseUrl, { rtcConfiguration: { bundlePolicy: 'max-bundle' } });
    pages.push(page);
    await page.connect(await clientTokenForEdge(api, acme.key, identity, edge.wssPort));
    return page;
  }

  async function phone(user: string, toneHz: number, codecs: string[]): Promise<BaresipPhone> {
    const started = await BaresipPhone.start({
      user,
      password: PASSWORD,
      domain: acme.sipDomain,
      edgePort: edge.port,
      toneHz,
      codecs,
    });
    phones.push(started);
    return started;
  }

  const record = (predicate: (call: CodecRecord) => boolean) =>
    finalCallRecord(api, acme, (call) => predicate(call as CodecRecord)) as Promise<CodecRecord>;

  /** An outbound route for a fresh number to a carrier whose one gateway is a SIPp playing early media. */
  async function earlyMediaGateway(outcome: 'answer' | 'reject') {
    const port = await freeSipPort();
    const prefix = `+4930${randomDigits(4)}`;
    const carrierId = await createResource(api, acme, '/v1/carriers', {
      name: `Early media carrier ${prefix}`,
      outbound: { gateways: [{ host: '127.0.0.1', port }] },
    });
    await createResource(api, acme, '/v1/outbound-routes', { name: prefix, prefix, carrierId });
    const gateway = await startSippUas({
      scenario: 'early-media',
      outcome,
      final: outcome === 'reject' ? 404 : undefined,
      edgePort: edge.port,
      localPort: port,
      playPcap: carrierTone,
      holdMs: EARLY_MEDIA_MS,
      timeoutSeconds: 40,
    });
    sipps.push(gateway.done.catch(() => undefined));
    return { number: `${prefix}${randomDigits(4)}`, done: gateway.done };
  }

  /** Records what the browser hears while the call still rings, and checks it is still ringing afterwards. */
  async function earlyMedia(page: PhonePage): Promise<PcmAudio> {
    await page.waitForCallState('ringing');
    // The ringback starts with the 183; ICE and DTLS take a moment before it flows.
    await page.page.waitForTimeout(700);
    await startRemoteRecording(page.page);
    await page.page.waitForTimeout(3000);
    const heard = await stopRemoteRecording(page.page);
    expect((await page.callStatus()).state).toBe('ringing');
    const stats = await page.stats();
    expect(stats).toMatchObject({ dtlsState: 'connected', codec: 'PCMU' });
    expect(stats.packetsReceived).toBeGreaterThan(25);
    return heard;
  }

  describe('Early media', () => {
    it("a browser calling out hears the carrier's 183 ringback before the answer, then the call connects", async () => {
      const gateway = await earlyMediaGateway('answer');
      const alice = await browserParty('alice');
      await alice.call(gateway.number);
      expectHears(await earlyMedia(alice), CARRIER_TONE, BROWSER_TONE);

      await alice.waitForCallState('active');
      const stats = await alice.waitForMedia(50);
      expect(stats).toMatchObject({ dtlsState: 'connected', codec: 'PCMU' });
      await alice.hangup();
      await alice.waitForCallState('ended');
      expect(await gateway.done).toMatchObject({ exitCode: 0 }); // 183, 200, ACK, the browser's BYE
      expect(alice.errors).toEqual([]);

      const call = await record((candidate) => candidate.to.includes(gateway.number));
      expect(call).toMatchObject({ status: 'completed', callerCodec: 'PCMU', calleeCodec: 'PCMU' });
    }, 60_000);

    it('a "number not in service" announcement (183, then 404) is heard before the call fails', async () => {
      const gateway = await earlyMediaGateway('reject');
      const alice = await browserParty('alice');
      await alice.call(gateway.number);
      expectHears(await earlyMedia(alice), CARRIER_TONE, BROWSER_TONE);

      expect(await alice.waitForCallState('failed')).toMatchObject({ statusCode: 404 });
      expect(await gateway.done).toMatchObject({ exitCode: 0 });
      await eventually(async () => expect(await edge.media.sessions()).toBe(0), {
        timeoutMs: 3000,
        description: "rtpengine's session to end",
      });
      const call = await record((candidate) => candidate.to.includes(gateway.number));
      expect(call).toMatchObject({ status: 'failed', sipStatus: 404, callerCodec: 'PCMU', calleeCodec: 'PCMU' });
    }, 60_000);
  });

  describe('Transcoding and the codecs of each leg', () => {
    it.each([
      ['a G.722-only phone calls a PCMU-only phone', ['G722'], ['PCMU'], 'G722', 'PCMU', 1],
      [
        'a PCMU-only phone calls a G.722-only phone (it refuses PCMU: rung again with transcoding)',
        ['PCMU'],
        ['G722'],
        'PCMU',
        'G722',
        2,
      ],
    ])(
      "%s: each hears the other; the record names each leg's codec",
      async (_, callerCodecs, calleeCodecs, callerCodec, calleeCodec, invitesToCallee) => {
        const callee = await phone('softphone', CALLEE_TONE, calleeCodecs);
        const caller = await phone('deskphone', CALLER_TONE, callerCodecs);
        caller.dial(`sip:softphone@${acme.sipDomain}`);
        // A refused first offer: the edge rings again about 6 s later (UDP callee).
        await caller.waitForEvent('CALL_ESTABLISHED', 25_000);
        await callee.waitForEvent('CALL_ESTABLISHED');
        expect(await edge.media.sessions()).toBe(1);
        await new Promise((resolve) => setTimeout(resolve, TALK_MS));
        caller.hangup();
        await callee.waitForEvent('CALL_CLOSED');

        expectHears(readWav(caller.recordings().received), CALLEE_TONE, CALLER_TONE);
        expectHears(readWav(callee.recordings().received), CALLER_TONE, CALLEE_TONE);
        const answerToCaller = caller.sipMessages(/^SIP\/2\.0 200/).find((message) => message.includes('m=audio'));
        expect(answerToCaller).toMatch(new RegExp(`^a=rtpmap:\\d+ ${callerCodec}/`, 'm'));
        const invites = callee.sipMessages(/^INVITE sip:/);
        expect(invites).toHaveLength(invitesToCallee);
        // The offer the callee took has its codec (added by rtpengine when the caller had none of it).
        expect(invites.at(-1)).toMatch(new RegExp(`^a=rtpmap:\\d+ ${calleeCodec}/`, 'm'));
        if (invitesToCallee === 2) expect(callee.sipMessages(/^SIP\/2\.0 488/)).toHaveLength(1);
        const [offer] = caller.sipMessages(/^INVITE sip:/);
        const sipCallId = /^Call-ID: *(\S+)/im.exec(offer ?? '')?.[1];
        const call = await record((candidate) => candidate.sipCallId === sipCallId);
        expect(call).toMatchObject({ status: 'completed', callerCodec, calleeCodec });
        // The webhooks carry the record: the codecs from the answer on.
        const ofCall = (received: ReceivedWebhook[]) =>
          received.filter((hook) => hook.json.data.sipCallId === sipCallId);
        const hooks = ofCall(await receiver.waitFor((received) => ofCall(received).length >= 2, 10_000));
        expect(hooks.map((hook) => [hook.json.type, hook.json.data])).toEqual([
          ['call.answered', expect.objectContaining({ callerCodec, calleeCodec })],
          ['call.completed', expect.objectContaining({ callerCodec, calleeCodec })],
        ]);
      },
      60_000,
    );

    it('a caller that hangs up while the edge waits to ring again ends the call (canceled), the callee rung once', async () => {
      const callee = await phone('softphone', CALLEE_TONE, ['G722']);
      const caller = await phone('deskphone', CALLER_TONE, ['PCMU']);
      caller.dial(`sip:softphone@${acme.sipDomain}`);
      await eventually(() => expect(callee.sipMessages(/^SIP\/2\.0 488/)).toHaveLength(1), {
        timeoutMs: 10_000,
        description: "the callee's 488",
      });
      caller.hangup();
      await caller.waitForEvent('CALL_CLOSED', 15_000);
      const [offer] = caller.sipMessages(/^INVITE sip:/);
      const sipCallId = /^Call-ID: *(\S+)/im.exec(offer ?? '')?.[1];
      expect(await record((candidate) => candidate.sipCallId === sipCallId)).toMatchObject({ status: 'canceled' });
      // Past the wait: the edge does not ring the callee for a call that is over.
      await new Promise((resolve) => setTimeout(resolve, 7000));
      expect(callee.sipMessages(/^INVITE sip:/)).toHaveLength(1);
      expect(await edge.media.sessions()).toBe(0);
    }, 60_000);
  });

  describe('SRTP policy of a carrier known by its address only', () => {
    /** A number of a carrier recognised by its source address, routed to a SIP URI (a SIPp callee). */
    async function addressCarrier(ip: string, srtp: 'off' | 'require', calleePort: number): Promise<string> {
      const number = `+1555${randomDigits(7)}`;
      const carrierId = await createResource(api, acme, '/v1/carriers', {
        name: `Address carrier ${ip}`,
        srtp,
        inbound: { allowedAddresses: [`${ip}/32`] },
      });
      await createResource(api, acme, '/v1/phone-numbers', {
        number,
        carrierId,
        route: { type: 'sip-uri', target: `sip:callee@127.0.0.1:${calleePort}` },
      });
      return number;
    }

    /** The carrier's plain-RTP call, tried until the edge knows its address (the worker reloads them). */
    const carrierCall = (ip: string, number: string, final: number) =>
      eventually(
        async () => {
          const result = await runSipp({
            scenario: 'carrier',
            outcome: 'reject',
            final,
            localIp: ip,
            edgePort: edge.port,
            keys: { number, caller: '+14155550100' },
            timeoutSeconds: 10,
          });
          if (result.exitCode !== 0) throw new Error(`carrier call: SIPp exited ${result.exitCode}:\n${result.output}`);
        },
        { timeoutMs: 15_000, intervalMs: 500, description: `a ${final} for the carrier at ${ip}` },
      );

    it('require refuses its plain-RTP call with 488 "SRTP required" before ringing anyone; off lets it through', async () => {
      const calleePort = await freeSipPort();
      const plain = await addressCarrier(PLAIN_CARRIER_IP, 'off', calleePort);
      const strict = await addressCarrier(SRTP_CARRIER_IP, 'require', calleePort);

      await carrierCall(SRTP_CARRIER_IP, strict, 488);
      const refused = await record((call) => call.to.includes(strict));
      expect(refused).toMatchObject({
        direction: 'inbound',
        status: 'failed',
        sipStatus: 488,
        reason: 'Not Acceptable Here - SRTP required',
      });

      // The same plain offer from a carrier whose policy is off rings the callee (which is busy).
      const callee = await startSippUas({
        scenario: 'callee',
        outcome: 'reject',
        final: 486,
        edgePort: edge.port,
        localPort: calleePort,
      });
      sipps.push(callee.done.catch(() => undefined));
      await carrierCall(PLAIN_CARRIER_IP, plain, 486);
      expect(await callee.done).toMatchObject({ exitCode: 0 });
      expect(await record((call) => call.to.includes(plain))).toMatchObject({ status: 'busy', sipStatus: 486 });
    }, 60_000);
  });
});
