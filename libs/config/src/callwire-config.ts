import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/** Settings for every Callwire process, read once from the environment (and `.env`). */
export interface CallwireConfig {
  readonly host: string;
  readonly port: number;
  readonly publicUrl: string;
  readonly databaseUrl: string;
  readonly redisUrl: string;
  /** Prefix for BullMQ keys in Redis: lets several installations (or test runs) share one Redis. */
  readonly queuePrefix: string;
  /**
   * How many Redis streams the edge spreads its events over (by Call-ID): the unit of parallelism of the
   * workers' event pipeline. A power of two; the edge and every worker must agree (EDGE_EVENT_SHARDS).
   */
  readonly edgeEventShards: number;
  readonly adminApiKey: string;
  /** New accounts without an explicit sipDomain get `<slug>.<sipDomainSuffix>`. */
  readonly sipDomainSuffix: string;
  readonly bodyLimitBytes: number;
  /** Bearer token Prometheus presents on GET /metrics; empty: /metrics is off (403). */
  readonly metricsToken: string;
  readonly workerHealthHost: string;
  readonly workerHealthPort: number;
  /** Kamailio's JSON-RPC endpoint (loopback only), used by the worker to drive the edge. */
  readonly edgeRpcUrl: string;
  /** Bearer token the edge requires on its JSON-RPC endpoint: only the worker may drive it. */
  readonly edgeRpcToken: string;
  /**
   * UDP port on 127.0.0.1 where rtpengine reports the DTMF digits it sees (--dtmf-log-dest) and the worker listens
   * (DTMF interworking, digits in call records); 0: none.
   */
  readonly dtmfEventsPort: number;
  /** The edge's SIP port (UDP; SIP_PORT), where the worker hands it the INFOs of DTMF interworking. */
  readonly edgeSipPort: number;
  readonly clientTokens: ClientTokenSettings;
  readonly webhooks: WebhookSettings;
  readonly routing: RoutingSettings;
  readonly dashboard: DashboardSettings;
  readonly sipTrace: SipTraceSettings;
  readonly egress: EgressSettings;
  readonly rateLimits: RateLimitSettings;
}

/** API rate limits, counted in Redis so that every API process shares them. 0 turns a limit off. */
export interface RateLimitSettings {
  /** Requests per second from one source address (all routes but /healthz, /readyz and /metrics). */
  readonly perIpPerSecond: number;
  /** Requests per second made with one API key or dashboard session (the admin key too). */
  readonly perKeyPerSecond: number;
  /** Requests per second of one account over all its keys and sessions, unless the admin set the account's own. */
  readonly perAccountPerSecond: number;
  /** Failed authentications (wrong API key, failed sign-in) from one source within the window that block it. */
  readonly authFailureLimit: number;
  readonly authFailureWindowSeconds: number;
  /** How long a source that reached authFailureLimit gets 429 for every request. */
  readonly authBlockSeconds: number;
}

/** Where the platform sends requests for tenants (webhooks, application URLs, OPTIONS to gateways). */
export interface EgressSettings {
  /**
   * Internal networks (CIDRs) it may call all the same, e.g. 127.0.0.0/8 for receivers on this machine.
   * Public addresses are always allowed; loopback, private, link-local … only when listed here.
   */
  readonly allowedNetworks: readonly string[];
}

/** The admin dashboard's sign-in sessions. */
export interface DashboardSettings {
  /** A session cookie (and its row) expires this long after sign-in. */
  readonly sessionTtlSeconds: number;
}

/** SIP ladders: the edge mirrors its SIP traffic (HEP) to the worker's collector, which stores it per Call-ID. */
export interface SipTraceSettings {
  /** UDP address the worker's HEP collector listens on and the edge sends to (port 0: no collector). */
  readonly collectorHost: string;
  readonly collectorPort: number;
  /** Captured messages older than this are deleted. */
  readonly retentionHours: number;
  /** Shared with the edge, which sends it in every HEP packet (chunk 14); empty when capture is off. */
  readonly authKey: string;
}

/** Trunks and call routing: the edge asks the API for each carrier call and each call to the outside. */
export interface RoutingSettings {
  /** Bearer token the edge presents to the API's internal routing endpoint (loopback only). */
  readonly edgeApiToken: string;
  /** Digest realm in which carriers authenticate their calls (inbound auth). */
  readonly carrierRealm: string;
  /** How long an application's voiceUrl (then its fallbackUrl) may take to answer. */
  readonly applicationTimeoutMs: number;
  /** Every gateway gets an OPTIONS this often (0: no health checks). */
  readonly gatewayCheckIntervalMs: number;
  /** A gateway that has not answered an OPTIONS within this time is down. */
  readonly gatewayCheckTimeoutMs: number;
  /** How often the worker reads the edge's registrations with carriers into the API (0: never). */
  readonly registrationSyncIntervalMs: number;
  /** The edge's ring timeout (SIP_NO_ANSWER_MS, read by the edge too): unanswered calls end by then. */
  readonly noAnswerMs: number;
  /** How often the worker ends call records the edge has no dialog for (0: never, not even at start). */
  readonly callReconcileIntervalMs: number;
}

/** Browsers: how client tokens are signed, and where their clients connect. */
export interface ClientTokenSettings {
  /** HMAC key shared with the edge (auth_ephemeral), which checks every token itself. */
  readonly secret: string;
  /** HMAC key shared with coturn (use-auth-secret) for short-lived TURN credentials. */
  readonly turnSecret: string;
  /** The edge's SIP-over-WebSocket URL. */
  readonly wsUrl: string;
  /** STUN/TURN host and port (coturn) handed to browsers as iceServers. */
  readonly iceHost: string;
  readonly turnPort: number;
}

/** Webhook delivery (the worker) and the storage of endpoint secrets (api and worker). */
export interface WebhookSettings {
  /** AES-256-GCM key (32 bytes) that encrypts the endpoints' signing secrets at rest. */
  readonly encryptionKey: Buffer;
  /** One attempt gives up after this long. */
  readonly timeoutMs: number;
  /** Wait before each retry, in milliseconds: a delivery makes at most length + 1 attempts. */
  readonly retryScheduleMs: readonly number[];
  /** Consecutive deliveries that finally failed before the endpoint is disabled; 0 never disables. */
  readonly disableAfterFailures: number;
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function required(env: Env, name: string): string {
  const value = env[name]?.trim();
  if (!value) throw new ConfigError(`${name} must be set (see .env.example)`);
  return value;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}

const MIN_ADMIN_KEY_LENGTH = 32;
const MIN_SECRET_LENGTH = 32;

function secret(env: Env, name: string): string {
  const value = required(env, name);
  if (value.length < MIN_SECRET_LENGTH)
    throw new ConfigError(`${name} must be at least ${MIN_SECRET_LENGTH} characters`);
  return value;
}

/** A secret that may be left empty (the feature it guards is then off). */
function optionalSecret(env: Env, name: string): string {
  return env[name]?.trim() ? secret(env, name) : '';
}

const WEBHOOK_KEY_BYTES = 32;
/** A retry waits at most a day: longer schedules are a typo, not a policy. */
const MAX_RETRY_DELAY_SECONDS = 86_400;
const MAX_RETRIES = 20;
const DEFAULT_RETRY_SCHEDULE = '5,300,1800,7200,18000,36000,36000';

function encryptionKey(env: Env, name: string): Buffer {
  const value = required(env, name);
  const key = Buffer.from(value, 'base64url');
  if (key.length !== WEBHOOK_KEY_BYTES || key.toString('base64url') !== value.replace(/=+$/, '')) {
    throw new ConfigError(`${name} must be ${WEBHOOK_KEY_BYTES} bytes in base64url (43 characters)`);
  }
  return key;
}

function retrySchedule(env: Env, name: string): number[] {
  const raw = env[name]?.trim() || DEFAULT_RETRY_SCHEDULE;
  const seconds = raw.split(',').map((part) => (part.trim() ? Number(part.trim()) : NaN));
  const valid = seconds.every((value) => Number.isFinite(value) && value >= 0 && value <= MAX_RETRY_DELAY_SECONDS);
  if (!valid || seconds.length > MAX_RETRIES) {
    throw new ConfigError(
      `${name} must be up to ${MAX_RETRIES} comma-separated delays in seconds (0 to ${MAX_RETRY_DELAY_SECONDS}), got "${raw}"`,
    );
  }
  return seconds.map((value) => Math.round(value * 1000));
}

function webhookSettings(env: Env): WebhookSettings {
  return {
    encryptionKey: encryptionKey(env, 'WEBHOOK_ENCRYPTION_KEY'),
    timeoutMs: integer(env, 'WEBHOOK_TIMEOUT_MS', 5000, 100, 60_000),
    retryScheduleMs: retrySchedule(env, 'WEBHOOK_RETRY_SCHEDULE'),
    disableAfterFailures: integer(env, 'WEBHOOK_DISABLE_AFTER_FAILURES', 20, 0, 1_000_000),
  };
}

function clientTokenSettings(env: Env): ClientTokenSettings {
  // Browsers reach the edge where phones do unless a public name (the certificate's) is set.
  const host = env.EDGE_PUBLIC_HOST?.trim() || env.SIP_LISTEN_IP?.trim() || '127.0.0.1';
  return {
    secret: secret(env, 'CLIENT_TOKEN_SECRET'),
    turnSecret: secret(env, 'TURN_SECRET'),
    wsUrl: `wss://${host}:${integer(env, 'SIP_WSS_PORT', 8443, 1, 65535)}`,
    iceHost: host,
    turnPort: integer(env, 'TURN_PORT', 3478, 1, 65535),
  };
}

function routingSettings(env: Env): RoutingSettings {
  return {
    edgeApiToken: secret(env, 'EDGE_API_TOKEN'),
    carrierRealm: env.SIP_CARRIER_REALM?.trim() || 'callwire',
    applicationTimeoutMs: integer(env, 'APPLICATION_TIMEOUT_MS', 3000, 100, 10_000),
    gatewayCheckIntervalMs: integer(env, 'GATEWAY_CHECK_INTERVAL_MS', 30_000, 0, 3_600_000),
    gatewayCheckTimeoutMs: integer(env, 'GATEWAY_CHECK_TIMEOUT_MS', 2000, 100, 60_000),
    registrationSyncIntervalMs: integer(env, 'REGISTRATION_SYNC_INTERVAL_MS', 5000, 0, 3_600_000),
    noAnswerMs: integer(env, 'SIP_NO_ANSWER_MS', 30_000, 1000, 3_600_000),
    callReconcileIntervalMs: integer(env, 'CALL_RECONCILE_INTERVAL_MS', 60_000, 0, 3_600_000),
  };
}

function rateLimitSettings(env: Env): RateLimitSettings {
  return {
    perIpPerSecond: integer(env, 'API_RATE_LIMIT_PER_IP', 100, 0, 1_000_000),
    perKeyPerSecond: integer(env, 'API_RATE_LIMIT_PER_KEY', 50, 0, 1_000_000),
    perAccountPerSecond: integer(env, 'API_RATE_LIMIT_PER_ACCOUNT', 100, 0, 1_000_000),
    authFailureLimit: integer(env, 'API_AUTH_FAIL_LIMIT', 10, 0, 1_000_000),
    authFailureWindowSeconds: integer(env, 'API_AUTH_FAIL_WINDOW_S', 300, 1, 86_400),
    authBlockSeconds: integer(env, 'API_AUTH_BLOCK_S', 900, 1, 86_400),
  };
}

function sipTraceSettings(env: Env): SipTraceSettings {
  const collectorPort = integer(env, 'SIP_TRACE_COLLECTOR_PORT', 9060, 0, 65535);
  return {
    collectorHost: env.SIP_TRACE_COLLECTOR_HOST?.trim() || '127.0.0.1',
    collectorPort,
    retentionHours: integer(env, 'SIP_TRACE_RETENTION_HOURS', 72, 1, 24 * 365),
    authKey: collectorPort === 0 ? '' : secret(env, 'SIP_TRACE_AUTH_KEY'),
  };
}

function networkList(env: Env, name: string): string[] {
  const entries = (env[name] ?? '').split(',').flatMap((entry) => entry.trim() || []);
  for (const entry of entries) {
    if (isIP(entry.split('/')[0] ?? '') === 0 || !ipaddr.isValidCIDR(entry)) {
      throw new ConfigError(`${name} must be comma-separated CIDRs (e.g. 127.0.0.0/8,::1/128), got "${entry}"`);
    }
  }
  return entries;
}

/** A power of two between 1 and `max` (Kamailio's core hash masks with n - 1). */
function powerOfTwo(env: Env, name: string, fallback: number, max: number): number {
  const value = integer(env, name, fallback, 1, max);
  if ((value & (value - 1)) !== 0)
    throw new ConfigError(`${name} must be a power of two (1, 2, 4 … ${max}), got ${value}`);
  return value;
}

export function loadConfig(env: Env = process.env): CallwireConfig {
  const port = integer(env, 'PORT', 3000, 0, 65535);
  const adminApiKey = required(env, 'ADMIN_API_KEY');
  if (adminApiKey.length < MIN_ADMIN_KEY_LENGTH) {
    throw new ConfigError(`ADMIN_API_KEY must be at least ${MIN_ADMIN_KEY_LENGTH} characters`);
  }
  return {
    host: env.HOST?.trim() || '0.0.0.0',
    port,
    publicUrl: (env.PUBLIC_URL?.trim() || `http://localhost:${port}`).replace(/\/+$/, ''),
    databaseUrl: required(env, 'DATABASE_URL'),
    redisUrl: env.REDIS_URL?.trim() || 'redis://127.0.0.1:6379',
    queuePrefix: env.QUEUE_PREFIX?.trim() || 'callwire',
    edgeEventShards: powerOfTwo(env, 'EDGE_EVENT_SHARDS', 16, 1024),
    adminApiKey,
    sipDomainSuffix: (env.SIP_DOMAIN_SUFFIX?.trim() || 'callwire.localhost').toLowerCase(),
    bodyLimitBytes: integer(env, 'BODY_LIMIT_BYTES', 100 * 1024, 1024, 10 * 1024 * 1024),
    metricsToken: optionalSecret(env, 'METRICS_TOKEN'),
    workerHealthHost: env.WORKER_HEALTH_HOST?.trim() || '127.0.0.1',
    workerHealthPort: integer(env, 'WORKER_HEALTH_PORT', 3001, 0, 65535),
    edgeRpcUrl: `http://127.0.0.1:${integer(env, 'EDGE_RPC_PORT', 5090, 1, 65535)}/RPC`,
    edgeRpcToken: secret(env, 'EDGE_RPC_TOKEN'),
    dtmfEventsPort: integer(env, 'RTPENGINE_DTMF_PORT', 2224, 0, 65535),
    edgeSipPort: integer(env, 'SIP_PORT', 5060, 1, 65535),
    clientTokens: clientTokenSettings(env),
    webhooks: webhookSettings(env),
    routing: routingSettings(env),
    dashboard: { sessionTtlSeconds: integer(env, 'DASHBOARD_SESSION_TTL_S', 12 * 3600, 60, 30 * 86_400) },
    sipTrace: sipTraceSettings(env),
    egress: { allowedNetworks: networkList(env, 'EGRESS_ALLOWED_NETWORKS') },
    rateLimits: rateLimitSettings(env),
  };
}
