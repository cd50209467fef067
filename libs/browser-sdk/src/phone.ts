import { UA, WebSocketInterface } from 'jssip';
import type { RTCSessionEvent, UnRegisteredEvent } from 'jssip/lib/UA';
import { type ClientTokenClaims, decodeClientToken } from '@callwire/client-token';
import { AUDIO_ONLY, Call } from './call';
import { Emitter } from './emitter';
import { sipDomainOf, targetToSipUri } from './target-uri';
import { tokenRefreshDelayMs } from './token-refresh';

export interface ConnectOptions {
  /** A client token (`cwt_…`) that your backend got from `POST /v1/client-tokens`. */
  readonly token: string;
  /**
   * Returns a fresh client token for the same identity. Called before the current one expires (60 s
   * before, or after 80 % of a shorter lifetime); calls in progress are not interrupted. Without it the
   * phone stops registering when the token expires.
   */
  readonly refreshToken?: () => Promise<string>;
  /** STUN/TURN servers for every call. Default: the token's own (the platform's STUN and TURN). */
  readonly iceServers?: RTCIceServer[];
  /** Other RTCPeerConnection settings for every call, e.g. `{ bundlePolicy: 'max-bundle' }`. */
  readonly rtcConfiguration?: RTCConfiguration;
  /** How long `connect()` waits for the SIP edge to register the phone. Default 15 000 ms. */
  readonly timeoutMs?: number;
}

export interface CallOptions {
  /** RTCPeerConnection settings for this call, over those given to `connect()`. */
  readonly pcConfig?: RTCConfiguration;
}

export interface PhoneEvents {
  /** The edge accepted the registration: the phone can receive calls. */
  registered: [];
  /**
   * The registration ended: `disconnect()` (no cause), the connection to the edge was lost (no cause; the
   * phone reconnects and registers again by itself), or a re-registration failed (the cause; `error` says more).
   */
  unregistered: [cause: string | null];
  /** Someone calls: `answer()` or `decline()` the call. */
  incoming: [call: Call];
  /** `refreshToken` gave new credentials and the phone is re-registering with them (`error` if that fails). */
  tokenRefreshed: [];
  /** Something failed after `connect()` resolved: a re-registration or a token refresh. */
  error: [error: Error];
}

const REGISTER_EXPIRES_S = 300;
const DEFAULT_CONNECT_TIMEOUT_MS = 15_000;
const REFRESH_RETRY_MS = 10_000;
const UNREGISTER_WAIT_MS = 3_000;

interface Connection {
  readonly ua: UA;
  claims: ClientTokenClaims;
  readonly options: ConnectOptions;
  refreshTimer?: ReturnType<typeof setTimeout>;
}

interface PendingConnect {
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
  readonly timer: ReturnType<typeof setTimeout>;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function describeRegistrationFailure({ cause, response }: Partial<UnRegisteredEvent>): string {
  const status = response ? ` (SIP ${response.status_code} ${response.reason_phrase})` : '';
  return `Registration failed: ${cause ?? 'unknown cause'}${status}.`;
}

/**
 * A browser phone: registers a client token's identity at the Callwire SIP edge over WebSocket,
 * places and receives audio calls.
 *
 * @example
 * const phone = new Callwire.Phone();
 * phone.on('incoming', (call) => call.answer());
 * await phone.connect({ token, refreshToken: () => fetch('/my-token').then((r) => r.text()) });
 * const call = phone.call('client:bob');
 */
export class Phone extends Emitter<PhoneEvents> {
  private connection: Connection | null = null;
  private pending: PendingConnect | null = null;

  /** Whether the edge currently holds this phone's registration. */
  get registered(): boolean {
    return this.connection?.ua.isRegistered() ?? false;
  }

  /** The SIP address the phone registers, e.g. `sip:client.alice@acme.callwire.localhost`; null when disconnected. */
  get identity(): string | null {
    return this.connection?.claims.uri ?? null;
  }

  /**
   * Connects to the SIP edge named in the token and registers. Resolves once registered; rejects with
   * a readable Error when the token is malformed, the edge cannot be reached, or it refuses the
   * registration (the message carries the SIP status, e.g. 403).
   */
  async connect(options: ConnectOptions): Promise<void> {
    if (this.connection) throw new Error('The phone is already connected: call disconnect() first.');
    let claims: ClientTokenClaims;
    try {
      claims = decodeClientToken(options.token.trim());
    } catch (error) {
      throw new Error(`Invalid client token: ${errorMessage(error)}.`);
    }
    let ua: UA;
    try {
      ua = new UA({
        sockets: [new WebSocketInterface(claims.wsUrl)],
        uri: claims.uri,
        authorization_user: claims.username,
        password: claims.password,
        register: true,
        register_expires: REGISTER_EXPIRES_S,
        session_timers: false,
        user_agent: 'Callwire browser SDK',
      });
    } catch (error) {
      throw new Error(`Invalid client token: cannot use its SIP settings (${errorMessage(error)}).`);
    }
    const connection: Connection = { ua, claims, options };
    this.connection = connection;
    this.listen(connection);
    const timeoutMs = options.timeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
    const registered = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          this.settleConnect(
            new Error(`The SIP edge at ${claims.wsUrl} did not register the phone within ${timeoutMs} ms.`),
          ),
        timeoutMs,
      );
      this.pending = { resolve, reject, timer };
    });
    ua.start();
    await registered;
    this.scheduleRefresh(connection, tokenRefreshDelayMs(claims.exp, Date.now()));
  }

  /**
   * Calls a target: `bob` (a SIP user of the token's account), `client:bob` (a client identity), or a
   * full `sip:` URI. Audio only. Listen to the returned call's events for its progress.
   */
  call(target: string, options: CallOptions = {}): Call {
    const connection = this.connection;
    if (!connection) throw new Error('The phone is not connected: call connect() first.');
    const uri = targetToSipUri(target, sipDomainOf(connection.claims.uri));
    const defaults = this.rtcConfiguration(connection);
    const session = connection.ua.call(uri, {
      mediaConstraints: AUDIO_ONLY,
      pcConfig: { ...defaults, ...options.pcConfig },
    });
    return new Call(session, defaults);
  }

  /** Unregisters, ends any call and closes the connection to the edge. */
  async disconnect(): Promise<void> {
    const connection = this.connection;
    if (!connection) return;
    this.connection = null;
    clearTimeout(connection.refreshTimer);
    this.settleConnect(new Error('disconnect() was called while connecting.'));
    const { ua } = connection;
    const unregistered = ua.isRegistered()
      ? new Promise<void>((resolve) => {
          ua.on('unregistered', () => resolve());
          setTimeout(resolve, UNREGISTER_WAIT_MS);
        })
      : Promise.resolve();
    ua.stop();
    await unregistered;
  }

  private listen(connection: Connection): void {
    const { ua } = connection;
    const isCurrent = () => this.connection === connection;
    ua.on('registered', () => {
      if (!isCurrent()) return;
      this.settleConnect();
      this.emit('registered');
    });
    ua.on('unregistered', ({ cause }) => this.emit('unregistered', cause ?? null));
    ua.on('registrationFailed', (event) => {
      if (!isCurrent()) return;
      const error = new Error(describeRegistrationFailure(event));
      if (!this.settleConnect(error)) this.emit('error', error);
    });
    ua.on('disconnected', ({ code }) => {
      // Later on JsSIP reconnects by itself; a first connection that fails is reported (retrying rarely helps).
      if (!isCurrent()) return;
      const closed = `WebSocket closed, code ${code ?? 'none'}`;
      this.settleConnect(
        new Error(
          `Could not connect to the SIP edge at ${connection.claims.wsUrl} (${closed}). ` +
            'Check the address, and that this browser trusts the edge’s TLS certificate.',
        ),
      );
    });
    ua.on('newRTCSession', ({ originator, session }: RTCSessionEvent) => {
      if (isCurrent() && `${originator}` === 'remote') {
        this.emit('incoming', new Call(session, this.rtcConfiguration(connection)));
      }
    });
  }

  /** Ends a pending `connect()`: resolves it, or rejects it and drops the connection. False if none was pending. */
  private settleConnect(error?: Error): boolean {
    const pending = this.pending;
    if (!pending) return false;
    this.pending = null;
    clearTimeout(pending.timer);
    if (!error) {
      pending.resolve();
      return true;
    }
    const connection = this.connection;
    this.connection = null;
    connection?.ua.stop();
    pending.reject(error);
    return true;
  }

  private scheduleRefresh(connection: Connection, delayMs: number): void {
    const { refreshToken } = connection.options;
    if (!refreshToken) return;
    connection.refreshTimer = setTimeout(() => void this.refreshCredentials(connection, refreshToken), delayMs);
  }

  /** New credentials go into the running UA: re-registering with them leaves calls in progress alone. */
  private async refreshCredentials(connection: Connection, refreshToken: () => Promise<string>): Promise<void> {
    try {
      const claims = decodeClientToken((await refreshToken()).trim());
      if (this.connection !== connection) return;
      if (claims.uri !== connection.claims.uri) {
        throw new Error(`the new token is for ${claims.uri}, not ${connection.claims.uri}`);
      }
      connection.ua.set('authorization_user', claims.username);
      connection.ua.set('password', claims.password);
      connection.claims = claims;
      connection.ua.register();
      this.emit('tokenRefreshed');
      this.scheduleRefresh(connection, tokenRefreshDelayMs(claims.exp, Date.now()));
    } catch (error) {
      if (this.connection !== connection) return;
      this.emit('error', new Error(`Token refresh failed: ${errorMessage(error)}.`));
      // Retry while the current credentials still work; after that, connect() again with a new token.
      if (Date.now() + REFRESH_RETRY_MS < connection.claims.exp * 1000)
        this.scheduleRefresh(connection, REFRESH_RETRY_MS);
    }
  }

  /** Read at each call: after a token refresh, its fresh TURN credentials apply to the next calls. */
  private rtcConfiguration({ options, claims }: Connection): RTCConfiguration {
    const iceServers = options.iceServers ?? options.rtcConfiguration?.iceServers ?? tokenIceServers(claims);
    return { ...options.rtcConfiguration, iceServers };
  }
}

function tokenIceServers(claims: ClientTokenClaims): RTCIceServer[] {
  return (claims.iceServers ?? []).map(({ urls, username, credential }) => ({
    urls: typeof urls === 'string' ? urls : [...urls],
    username,
    credential,
  }));
}
