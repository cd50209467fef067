import { type Browser, type Page, chromium } from 'playwright-core';
import type { CallStats } from '../../libs/browser-sdk/src/call-stats';

export type { CallStats };

/**
 * The flags verified on this machine (docs: FIELD-NOTES, "Browser tests"). Playwright itself gives each
 * launch a fresh temporary --user-data-dir (it refuses one in args) and removes it on close.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--allow-loopback-in-peer-connection',
  '--disable-features=WebRtcHideLocalIpsWithMdns',
  // The edge's WSS certificate is self-signed in tests.
  '--ignore-certificate-errors',
];

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** The demo page's `#status` states (registration). */
export type RegistrationState = 'disconnected' | 'connecting' | 'registered' | 'unregistered' | 'error';
/** The demo page's `#call-status` states: `idle` before the first call, then the SDK's call states. */
export type CallState = 'idle' | 'calling' | 'ringing' | 'incoming' | 'active' | 'ended' | 'failed';

/** RTCConfiguration, as far as tests set it (the root tsconfig has no DOM types). */
export interface RtcConfiguration {
  readonly bundlePolicy?: 'balanced' | 'max-bundle' | 'max-compat';
  readonly iceTransportPolicy?: 'all' | 'relay';
  readonly iceServers?: { urls: string | string[]; username?: string; credential?: string }[];
}

/** The page's `window`, as far as the tests use it. Functions passed to page.evaluate() run in the page. */
interface PhoneWindow {
  readonly Callwire?: { readonly Phone?: unknown };
  readonly callwire: {
    readonly currentCall: { getStats(): Promise<CallStats | null> } | null;
    connectOptions: { rtcConfiguration?: RtcConfiguration; refreshToken?: () => Promise<string> };
  };
  readonly [binding: string]: unknown;
}

export interface StatusText<State extends string> {
  readonly state: State;
  readonly text: string;
}

export interface CallStatus extends StatusText<CallState> {
  /** The SIP status of a failed call (e.g. 486), when there was one. */
  readonly statusCode: number | null;
}

const REGISTRATION_TIMEOUT_MS = 15_000;
const CALL_TIMEOUT_MS = 20_000;

/** Reads the current call's media statistics in the page (RTCPeerConnection.getStats(), summarized by the SDK). */
export async function collectRtpStats(page: Page): Promise<CallStats> {
  const stats = await page.evaluate(() => {
    const call = (globalThis as unknown as PhoneWindow).callwire.currentCall;
    return call ? call.getStats() : null;
  });
  if (!stats) throw new Error('This page has no call with a peer connection.');
  return stats;
}

/** One party: the demo softphone (/phone) in its own browser context, driven through its UI. */
export class PhonePage {
  /** Console errors and uncaught exceptions of the page, to print when a test fails. */
  readonly errors: string[] = [];
  private bindings = 0;

  constructor(readonly page: Page) {
    page.on('console', (message) => {
      if (message.type() === 'error') this.errors.push(message.text());
    });
    page.on('pageerror', (error) => this.errors.push(error.stack ?? error.message));
  }

  async registration(): Promise<StatusText<RegistrationState>> {
    const status = this.page.locator('#status');
    return {
      state: (await status.getAttribute('data-state')) as RegistrationState,
      text: (await status.textContent()) ?? '',
    };
  }

  async callStatus(): Promise<CallStatus> {
    const status = this.page.locator('#call-status');
    const code = await status.getAttribute('data-status-code');
    return {
      state: (await status.getAttribute('data-state')) as CallState,
      text: (await status.textContent()) ?? '',
      statusCode: code === null ? null : Number(code),
    };
  }

  /**
   * Pastes the token and clicks Connect, then waits until registered. Fails with the page's message
   * when it reports an error instead (pass `expect: 'error'` to wait for that).
   */
  async connect(
    token: string,
    options: { refreshToken?: () => Promise<string>; expect?: 'registered' | 'error'; timeoutMs?: number } = {},
  ): Promise<StatusText<RegistrationState>> {
    if (options.refreshToken) await this.provideRefreshToken(options.refreshToken);
    await this.page.fill('#token', token);
    await this.page.click('#connect');
    await this.page.waitForSelector('#status:not([data-state="connecting"])', {
      timeout: options.timeoutMs ?? REGISTRATION_TIMEOUT_MS,
    });
    const status = await this.registration();
    const expected = options.expect ?? 'registered';
    if (status.state !== expected) throw new Error(`expected ${expected}, got ${status.state}: ${status.text}`);
    return status;
  }

  async waitForRegistration(state: RegistrationState, timeoutMs = REGISTRATION_TIMEOUT_MS): Promise<void> {
    await this.page.waitForSelector(`#status[data-state="${state}"]`, { timeout: timeoutMs });
  }

  async disconnect(): Promise<void> {
    await this.page.click('#disconnect');
    await this.waitForRegistration('disconnected');
  }

  /** Dials a target as typed in the page: `bob`, `client:bob` or a `sip:` URI. */
  async call(target: string): Promise<void> {
    await this.page.fill('#target', target);
    await this.page.click('#call');
  }

  async waitForCallState(state: CallState, timeoutMs = CALL_TIMEOUT_MS): Promise<CallStatus> {
    await this.page.waitForSelector(`#call-status[data-state="${state}"]`, { state: 'attached', timeout: timeoutMs });
    return this.callStatus();
  }

  /** Waits for the incoming-call banner; returns the caller's SIP address. */
  async waitForIncoming(timeoutMs = CALL_TIMEOUT_MS): Promise<string> {
    await this.page.waitForSelector('#incoming:not([hidden])', { timeout: timeoutMs });
    return (await this.page.textContent('#caller')) ?? '';
  }

  async answer(): Promise<void> {
    await this.page.click('#answer');
  }

  /** Declines the ringing call (486 Busy Here). */
  async decline(): Promise<void> {
    await this.page.click('#decline');
  }

  async hangup(): Promise<void> {
    await this.page.click('#hangup');
  }

  async toggleMute(): Promise<void> {
    await this.page.click('#mute');
  }

  async sendDtmf(tones: string): Promise<void> {
    for (const tone of tones) await this.page.click(`#keypad button[data-tone="${tone}"]`);
  }

  stats(): Promise<CallStats> {
    return collectRtpStats(this.page);
  }

  /** Polls the call's stats until at least `packets` RTP packets went each way. */
  async waitForMedia(packets = 25, timeoutMs = CALL_TIMEOUT_MS): Promise<CallStats> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const stats = await this.stats();
      if (stats.packetsSent >= packets && stats.packetsReceived >= packets) return stats;
      if (Date.now() > deadline) throw new Error(`media did not flow both ways: ${JSON.stringify(stats)}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  async close(): Promise<void> {
    await this.page.context().close();
  }

  /** The page calls back into the test for new tokens (Node-side function, exposed under a fresh name). */
  private async provideRefreshToken(refreshToken: () => Promise<string>): Promise<void> {
    const binding = `callwireTestRefreshToken${++this.bindings}`;
    await this.page.exposeFunction(binding, refreshToken);
    await this.page.evaluate((name) => {
      const page = globalThis as unknown as PhoneWindow;
      page.callwire.connectOptions.refreshToken = () => (page[name] as () => Promise<string>)();
    }, binding);
  }
}

/** Headless Chromium for the browser tests: one browser, one isolated context per party. */
export class BrowserHarness {
  private constructor(private readonly browser: Browser) {}

  /** `extraArgs`: more Chromium flags, e.g. `--use-file-for-fake-audio-capture=<wav>` (the microphone plays it). */
  static async launch(extraArgs: readonly string[] = []): Promise<BrowserHarness> {
    return new BrowserHarness(
      await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] }),
    );
  }

  /**
   * Opens the demo phone served by the API at `apiBaseUrl` and waits for the SDK to load.
   * `rtcConfiguration` applies to every call of this party (e.g. `{ bundlePolicy: 'max-bundle' }`).
   */
  async openPhone(apiBaseUrl: string, options: { rtcConfiguration?: RtcConfiguration } = {}): Promise<PhonePage> {
    const context = await this.browser.newContext({ ignoreHTTPSErrors: true, permissions: ['microphone'] });
    const phone = new PhonePage(await context.newPage());
    await phone.page.goto(`${apiBaseUrl}/phone`);
    await phone.page.waitForFunction(() => (globalThis as unknown as Partial<PhoneWindow>).callwire !== undefined);
    if (options.rtcConfiguration) {
      await phone.page.evaluate((rtcConfiguration) => {
        (globalThis as unknown as PhoneWindow).callwire.connectOptions.rtcConfiguration = rtcConfiguration;
      }, options.rtcConfiguration);
    }
    return phone;
  }

  /** A page in a fresh context (its own cookies), e.g. for the dashboard. */
  async newPage(viewport = { width: 1360, height: 900 }): Promise<Page> {
    const context = await this.browser.newContext({ ignoreHTTPSErrors: true, viewport });
    return context.newPage();
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}
