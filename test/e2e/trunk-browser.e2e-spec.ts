import { randomInt } from 'node:crypto';
import { ApiHarness } from '../support/api-harness';
import { BrowserHarness, type PhonePage, type RtcConfiguration } from '../support/browser-harness';
import { clientTokenForEdge } from '../support/client-tokens';
import { eventually } from '../support/eventually';
import { freeSipPort } from '../support/free-port';
import { KamailioHarness, type SippResult, runSipp, startSippUas } from '../support/sip-harness';
import { isolateQueues } from '../support/test-run';
import { createResource, finalCallRecord, routingEdgeEnv } from '../support/trunks';
import { WorkerHarness } from '../support/worker-harness';

type Tenant = { accountId: string; sipDomain: string; key: string };

const CARRIER_IP = '127.0.0.3';
const MAX_BUNDLE: RtcConfiguration = { bundlePolicy: 'max-bundle' };
/** Numbers are unique platform-wide and parallel specs share the database: this run's own ones. */
const randomDigits = (count: number) => String(randomInt(0, 10 ** count)).padStart(count, '0');

/**
 * Carriers and browsers on one call: SIPp as the carrier (inbound) or as its gateways (outbound), Chromium
 * (fake microphone, max-bundle) as the demo phone, Kamailio asking the API for each call, rtpengine
 * bridging RTP ↔ ICE/DTLS-SRTP.
 */
describe('Trunks ↔ browsers: carrier calls to a client, browser calls out through gateways (e2e)', () => {
  let api: ApiHarness;
  let edge: KamailioHarness;
  let browser: BrowserHarness;
  let worker: WorkerHarness;
  let acme: Tenant;
  const pages: PhonePage[] = [];
  /** SIPp runs still going: awaited in afterAll (each ends by its own timeout at the latest). */
  const sipps: Promise<unknown>[] = [];

  beforeAll(async () => {
    isolateQueues('trunk-browser');
    [api, browser] = await Promise.all([ApiHarness.start(), BrowserHarness.launch()]);
    edge = await KamailioHarness.start(routingEdgeEnv(api));
    process.env.EDGE_RPC_PORT = String(edge.rpcPort);
    worker = await WorkerHarness.start();
    acme = await api.createTenant('Trunk Browser Acme');
  }, 60_000);
  afterEach(async () => {
    await Promise.all(pages.splice(0).map((page) => page.close()));
  });
  afterAll(async () => {
    await Promise.allSettled(sipps.splice(0));
    await browser?.close();
    await worker?.close();
    await edge?.stop();
    await api?.close();
  });

  const track = <T>(sipp: Promise<T>): Promise<T> => {
    sipps.push(sipp.catch(() => undefined));
    return sipp;
  };

  /**
   * A demo phone registered as client identity `identity` with an API-issued token. The API had to start
   * before the edge (the edge asks it for routes), so its tokens name the default WSS port: the token is
   * re-encoded with this edge's (the credentials, which the edge checks, are left as issued).
   */
  async function browserParty(identity: string): Promise<PhonePage> {
    const page = await browser.openPhone(api.baseUrl, { rtcConfiguration: MAX_BUNDLE });
    pages.push(page);
    const status = await page.connect(await clientTokenForEdge(api, acme.key, identity, edge.wssPort));
    expect(status.text).toBe(`Registered as sip:client.${identity}@${acme.sipDomain}`);
    return page;
  }

  /** ICE and DTLS connected, SRTP, and RTP both ways (the far end echoes what the browser sends). */
  async function expectMediaBothWays(page: PhonePage) {
    const stats = await page.waitForMedia(50);
    expect(stats).toMatchObject({
      iceState: expect.stringMatching(/^(connected|completed)$/),
      dtlsState: 'connected',
      codec: expect.stringMatching(/PCMU|PCMA/i),
    });
    expect(stats.srtpCipher).toBeTruthy();
    expect(stats.packetsSent).toBeGreaterThan(0);
    expect(stats.packetsReceived).toBeGreaterThanOrEqual(50);
  }

  const waitForNoMediaSessions = () =>
    eventually(async () => expect(await edge.media.sessions()).toBe(0), {
      timeoutMs: 3000,
      description: "rtpengine's sessions to end",
    });

  it('a carrier call to a number routed to a browser client identity rings the browser; media flows both ways', async () => {
    const number = `+1555${randomDigits(7)}`;
    const carrierId = await createResource(api, acme, '/v1/carriers', {
      name: 'Inbound carrier',
      inbound: { allowedAddresses: [`${CARRIER_IP}/32`] },
    });
    await createResource(api, acme, '/v1/phone-numbers', {
      number,
      carrierId,
      route: { type: 'client', target: 'bob' },
    });
    const bob = await browserParty('bob');

    // The carrier echoes the browser's RTP and hangs up after a few seconds.
    const carrier = track(
      runSipp({
        scenario: 'carrier',
        outcome: 'answer',
        localIp: CARRIER_IP,
        edgePort: edge.port,
        keys: { number, caller: '+14155550100' },
        rtpEcho: true,
        holdMs: 5000,
        timeoutSeconds: 30,
      }),
    );
    expect(await bob.waitForIncoming()).toContain('+14155550100');
    await bob.answer();
    await bob.waitForCallState('active');
    expect(await edge.media.sessions()).toBe(1);
    await expectMediaBothWays(bob);
    const carrierResult: SippResult = await carrier;
    expect(carrierResult).toMatchObject({ exitCode: 0 }); // BYE from the carrier, 200 from the browser
    await bob.waitForCallState('ended');
    await waitForNoMediaSessions();
    expect(bob.errors).toEqual([]);

    const call = await finalCallRecord(api, acme, (record) => record.to.includes(number));
    expect(call).toMatchObject({ direction: 'inbound', status: 'completed' });
  }, 60_000);

  it("the demo page's outbound call to a number goes out through a carrier gateway, failing over from a 503", async () => {
    const [primaryPort, secondaryPort] = [await freeSipPort(), await freeSipPort()];
    const carrierId = await createResource(api, acme, '/v1/carriers', {
      name: 'Outbound carrier',
      outbound: {
        gateways: [
          { host: '127.0.0.1', port: primaryPort, priority: 1 },
          { host: '127.0.0.1', port: secondaryPort, priority: 2 },
        ],
      },
    });
    await createResource(api, acme, '/v1/outbound-routes', { name: 'UK', prefix: '+44', priority: 1, carrierId });
    const number = `+4420${randomDigits(8)}`;

    const gateway = (localPort: number, outcome: 'answer' | 'reject', final?: number) =>
      startSippUas({
        scenario: 'callee',
        outcome,
        final,
        edgePort: edge.port,
        localPort,
        keys: { user: 'gw' },
        rtpEcho: outcome === 'answer',
        timeoutSeconds: 30,
      });
    const primary = await gateway(primaryPort, 'reject', 503);
    const secondary = await gateway(secondaryPort, 'answer');
    track(primary.done);
    track(secondary.done);

    // A browser signed in with a client token is an authenticated endpoint of the account: it may dial out.
    const alice = await browserParty('alice');
    await alice.call(number);
    await alice.waitForCallState('active');
    expect(await primary.done).toMatchObject({ exitCode: 0 }); // INVITE, 503, ACK
    expect(await edge.media.sessions()).toBe(1);
    await expectMediaBothWays(alice);
    await alice.hangup();
    await alice.waitForCallState('ended');
    expect(await secondary.done).toMatchObject({ exitCode: 0 }); // INVITE, ACK and the browser's BYE
    await waitForNoMediaSessions();
    expect(alice.errors).toEqual([]);

    const call = await finalCallRecord(api, acme, (record) => record.to.includes(number));
    expect(call).toMatchObject({ direction: 'outbound', status: 'completed' });
  }, 60_000);
});
