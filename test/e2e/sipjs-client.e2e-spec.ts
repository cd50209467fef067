import { build } from 'esbuild';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { ApiHarness } from '../support/api-harness';
import { BrowserHarness } from '../support/browser-harness';
import { eventually } from '../support/eventually';
import { CoturnHarness } from '../support/media-harness';
import { KamailioHarness, startRegisteredCallee } from '../support/sip-harness';
import { ROOT, isolateQueues } from '../support/test-run';
import { WorkerHarness } from '../support/worker-harness';

/** The documented `sip` block of POST /v1/client-tokens. */
interface SipParameters {
  uri: string;
  authorizationUser: string;
  password: string;
  realm: string;
  wsServer: string;
  registerExpiresMax: number;
}

interface IssuedToken {
  id: string;
  expiresAt: string;
  sip: SipParameters;
  iceServers: { urls: string[]; username?: string; credential?: string }[];
}

interface Registration {
  aor: string;
  transport: string;
  clientTokenId: string | null;
  expiresAt: string;
}

/** What the page reports about a call's media (RTCPeerConnection.getStats()). */
interface MediaCounts {
  packetsSent: number;
  packetsReceived: number;
  dtlsState: string | null;
}

/** Serves an empty page and, as /sip.js, the SIP.js bundle it loads. */
async function servePage(sipJs: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((request, response) => {
    const script = request.url === '/sip.js';
    response.writeHead(200, { 'content-type': script ? 'application/javascript' : 'text/html' });
    response.end(script ? sipJs : '<!doctype html><title>SIP.js</title><script src="/sip.js"></script>');
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((closed) => {
        server.closeAllConnections();
        server.close(() => closed());
      }),
  };
}

const PASSWORD = 'desk-phone-password';
const TOKEN_TTL_SECONDS = 120;

/**
 * A third-party client: SIP.js 0.21 from npm, unmodified (bundled as-is for the browser), registers and calls
 * with nothing but the `sip` and `iceServers` fields of the client-token response — the token string itself
 * is never read.
 */
describe('SIP.js with client-token SIP parameters (e2e: Chromium, Kamailio, rtpengine, coturn, SIPp)', () => {
  let api: ApiHarness;
  let edge: KamailioHarness;
  let turn: CoturnHarness;
  let worker: WorkerHarness;
  let browser: BrowserHarness;
  let pageServer: { url: string; close(): Promise<void> };
  let acme: { accountId: string; sipDomain: string; key: string };

  beforeAll(async () => {
    isolateQueues('sipjs-client');
    // Assigned one by one, so that afterAll stops whichever started even if the other did not.
    await Promise.all([
      KamailioHarness.start().then((started) => (edge = started)),
      CoturnHarness.start().then((started) => (turn = started)),
    ]);
    process.env.EDGE_RPC_PORT = String(edge.rpcPort);
    [api, browser, worker] = await Promise.all([
      ApiHarness.start({ TURN_PORT: String(turn.port), SIP_WSS_PORT: String(edge.wssPort) }),
      BrowserHarness.launch(),
      WorkerHarness.start(),
    ]);
    const bundled = await build({
      entryPoints: [resolve(ROOT, 'node_modules/sip.js/lib/index.js')],
      bundle: true,
      format: 'iife',
      globalName: 'SIP',
      platform: 'browser',
      write: false,
      logLevel: 'warning',
    });
    pageServer = await servePage(bundled.outputFiles[0]?.text ?? '');
    acme = await api.createTenant('SIP.js Acme');
    await api.request('POST', '/v1/sip-users', { key: acme.key, body: { username: 'desk', password: PASSWORD } });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await api?.close();
    await edge?.stop();
    await turn?.stop();
    await pageServer?.close();
  });

  const registrations = async () =>
    (await api.request<{ data: Registration[] }>('GET', '/v1/registrations', { key: acme.key })).body.data;

  /**
   * A page that loads nothing but the SIP.js bundle, from a loopback HTTP server (a page Playwright made up
   * would have no address space, and Chromium's local-network-access checks would block its WebSocket).
   */
  async function sipJsPage(): Promise<Page> {
    const page = await browser.newPage();
    await page.goto(`${pageServer.url}/`);
    await page.waitForFunction('typeof SIP !== "undefined" && typeof SIP.UserAgent === "function"');
    return page;
  }

  /** Registers with SIP.js exactly as the README shows; resolves with the Expires the edge granted. */
  const register = (page: Page, sip: SipParameters, iceServers: IssuedToken['iceServers']) =>
    page.evaluate<number>(`(async ({ sip, iceServers }) => {
      const { UserAgent, Registerer, RegistererState } = SIP;
      const userAgent = new UserAgent({
        uri: UserAgent.makeURI(sip.uri),
        authorizationUsername: sip.authorizationUser,
        authorizationPassword: sip.password,
        transportOptions: { server: sip.wsServer },
        sessionDescriptionHandlerFactoryOptions: { peerConnectionConfiguration: { iceServers } },
        logBuiltinEnabled: false,
      });
      await userAgent.start();
      const registerer = new Registerer(userAgent, { expires: sip.registerExpiresMax });
      const granted = await new Promise((resolve, reject) => {
        registerer.stateChange.addListener((state) => {
          if (state === RegistererState.Terminated) reject(new Error('registration terminated'));
        });
        registerer.register({
          requestDelegate: {
            onAccept: (response) => resolve(Number(response.message.getHeader('Expires') ??
              /expires=(\\d+)/i.exec(response.message.getHeader('Contact') ?? '')?.[1])),
            onReject: (response) => reject(new Error('REGISTER ' + response.message.statusCode)),
          },
        });
      });
      Object.assign(globalThis, { sipjs: { userAgent, registerer } });
      return granted;
    })(${JSON.stringify({ sip, iceServers })})`);

  /** Calls `target` with an Inviter and waits until the session is established. */
  const call = (page: Page, target: string) =>
    page.evaluate<void>(`(async (target) => {
      const { UserAgent, Inviter, SessionState } = SIP;
      const inviter = new Inviter(sipjs.userAgent, UserAgent.makeURI(target), {
        sessionDescriptionHandlerOptions: { constraints: { audio: true, video: false } },
      });
      sipjs.session = inviter;
      await new Promise((resolve, reject) => {
        inviter.stateChange.addListener((state) => {
          if (state === SessionState.Established) resolve();
          if (state === SessionState.Terminated) reject(new Error('call terminated before it was answered'));
        });
        inviter.invite({
          requestDelegate: { onReject: (response) => reject(new Error('INVITE ' + response.message.statusCode)) },
        }).catch(reject);
      });
    })(${JSON.stringify(target)})`);

  const mediaCounts = (page: Page) =>
    page.evaluate<MediaCounts>(`(async () => {
      const report = await sipjs.session.sessionDescriptionHandler.peerConnection.getStats();
      const counts = { packetsSent: 0, packetsReceived: 0, dtlsState: null };
      report.forEach((entry) => {
        if (entry.type === 'outbound-rtp') counts.packetsSent += entry.packetsSent;
        if (entry.type === 'inbound-rtp') counts.packetsReceived += entry.packetsReceived;
        if (entry.type === 'transport') counts.dtlsState = entry.dtlsState;
      });
      return counts;
    })()`);

  it('registers with registerExpiresMax, calls a SIP phone with media both ways, hangs up and unregisters', async () => {
    const issued = await api.request<IssuedToken>('POST', '/v1/client-tokens', {
      key: acme.key,
      body: { identity: 'sipjs', ttlSeconds: TOKEN_TTL_SECONDS },
    });
    expect(issued.status).toBe(201);
    const { sip, iceServers, id, expiresAt } = issued.body;
    expect(sip).toMatchObject({ uri: `sip:client.sipjs@${acme.sipDomain}`, realm: acme.sipDomain });
    expect(sip.registerExpiresMax).toBeGreaterThan(TOKEN_TTL_SECONDS - 5);
    expect(sip.registerExpiresMax).toBeLessThanOrEqual(TOKEN_TTL_SECONDS);

    const page = await sipJsPage();
    const granted = await register(page, sip, iceServers);
    expect(granted).toBeLessThanOrEqual(sip.registerExpiresMax);
    const [registration] = await registrations();
    expect(registration).toMatchObject({ aor: sip.uri, transport: 'wss', clientTokenId: id });
    expect(Date.parse(registration?.expiresAt ?? '')).toBeLessThanOrEqual(Date.parse(expiresAt) + 1000);

    const desk = await startRegisteredCallee({
      edgePort: edge.port,
      user: 'desk',
      domain: acme.sipDomain,
      password: PASSWORD,
      outcome: 'answer',
      rtpEcho: true,
    });
    await call(page, `sip:desk@${acme.sipDomain}`);
    const counts = await eventually(
      async () => {
        const counts = await mediaCounts(page);
        expect(counts.packetsSent).toBeGreaterThanOrEqual(50);
        expect(counts.packetsReceived).toBeGreaterThanOrEqual(50);
        return counts;
      },
      { timeoutMs: 15_000, intervalMs: 250, description: '50 RTP packets each way' },
    );
    expect(counts).toMatchObject({ dtlsState: 'connected' });

    await page.evaluate('sipjs.session.bye()');
    expect(await desk.finish()).toMatchObject({ exitCode: 0 }); // the desk phone got the BYE
    await page.evaluate('sipjs.registerer.unregister()');
    await eventually(async () => expect((await registrations()).filter((row) => row.aor === sip.uri)).toEqual([]), {
      timeoutMs: 5000,
      intervalMs: 100,
      description: 'the registration to go',
    });
    await page.context().close();
  }, 60_000);
});
