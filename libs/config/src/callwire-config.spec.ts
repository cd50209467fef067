import { ConfigError, loadConfig } from './callwire-config';

const base = {
  DATABASE_URL: 'postgresql://u:p@127.0.0.1/db',
  ADMIN_API_KEY: 'k'.repeat(32),
  CLIENT_TOKEN_SECRET: 'c'.repeat(32),
  TURN_SECRET: 't'.repeat(32),
  WEBHOOK_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64url'),
  EDGE_API_TOKEN: 'e'.repeat(32),
  EDGE_RPC_TOKEN: 'r'.repeat(32),
  SIP_TRACE_AUTH_KEY: 'h'.repeat(32),
};

describe('loadConfig', () => {
  it('applies defaults', () => {
    expect(loadConfig(base)).toEqual({
      host: '0.0.0.0',
      port: 3000,
      publicUrl: 'http://localhost:3000',
      databaseUrl: base.DATABASE_URL,
      redisUrl: 'redis://127.0.0.1:6379',
      queuePrefix: 'callwire',
      edgeEventShards: 16,
      adminApiKey: base.ADMIN_API_KEY,
      sipDomainSuffix: 'callwire.localhost',
      bodyLimitBytes: 102400,
      metricsToken: '',
      workerHealthHost: '127.0.0.1',
      workerHealthPort: 3001,
      edgeRpcUrl: 'http://127.0.0.1:5090/RPC',
      dtmfEventsPort: 2224,
      edgeSipPort: 5060,
      edgeRpcToken: base.EDGE_RPC_TOKEN,
      clientTokens: {
        secret: base.CLIENT_TOKEN_SECRET,
        turnSecret: base.TURN_SECRET,
        wsUrl: 'wss://127.0.0.1:8443',
        iceHost: '127.0.0.1',
        turnPort: 3478,
      },
      webhooks: {
        encryptionKey: Buffer.alloc(32, 7),
        timeoutMs: 5000,
        retryScheduleMs: [5000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000],
        disableAfterFailures: 20,
      },
      routing: {
        edgeApiToken: base.EDGE_API_TOKEN,
        carrierRealm: 'callwire',
        applicationTimeoutMs: 3000,
        gatewayCheckIntervalMs: 30_000,
        gatewayCheckTimeoutMs: 2000,
        registrationSyncIntervalMs: 5000,
        noAnswerMs: 30_000,
        callReconcileIntervalMs: 60_000,
      },
      dashboard: { sessionTtlSeconds: 43_200 },
      sipTrace: { collectorHost: '127.0.0.1', collectorPort: 9060, retentionHours: 72, authKey: 'h'.repeat(32) },
      egress: { allowedNetworks: [] },
      rateLimits: {
        perIpPerSecond: 100,
        perKeyPerSecond: 50,
        perAccountPerSecond: 100,
        authFailureLimit: 10,
        authFailureWindowSeconds: 300,
        authBlockSeconds: 900,
      },
    });
  });

  it('reads the metrics scrape token: empty turns /metrics off, a short one is refused', () => {
    expect(loadConfig({ ...base, METRICS_TOKEN: 'm'.repeat(32) }).metricsToken).toBe('m'.repeat(32));
    expect(loadConfig({ ...base, METRICS_TOKEN: ' ' }).metricsToken).toBe('');
    expect(() => loadConfig({ ...base, METRICS_TOKEN: 'short' })).toThrow(ConfigError);
  });

  it('reads the API rate limits (0 turns one off) and refuses negative ones', () => {
    const config = loadConfig({
      ...base,
      API_RATE_LIMIT_PER_IP: '0',
      API_AUTH_FAIL_LIMIT: '3',
      API_AUTH_BLOCK_S: '60',
    });
    expect(config.rateLimits).toMatchObject({ perIpPerSecond: 0, authFailureLimit: 3, authBlockSeconds: 60 });
    expect(() => loadConfig({ ...base, API_RATE_LIMIT_PER_KEY: '-1' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, API_AUTH_FAIL_WINDOW_S: '0' })).toThrow(ConfigError);
  });

  it('reads the networks the platform may call besides public addresses, and refuses what is not a CIDR', () => {
    const config = loadConfig({ ...base, EGRESS_ALLOWED_NETWORKS: ' 127.0.0.0/8, ::1/128,10.1.0.0/16 ' });
    expect(config.egress.allowedNetworks).toEqual(['127.0.0.0/8', '::1/128', '10.1.0.0/16']);
    for (const bad of ['127.0.0.1', 'localhost/8', '10.0.0.0/33', '0x7f000001/8', '127.0.0.0/8;::1/128']) {
      expect(() => loadConfig({ ...base, EGRESS_ALLOWED_NETWORKS: bad })).toThrow(ConfigError);
    }
  });

  it('reads the SIP trace settings and refuses a retention of zero', () => {
    const config = loadConfig({ ...base, SIP_TRACE_COLLECTOR_PORT: '0', SIP_TRACE_RETENTION_HOURS: '2' });
    expect(config.sipTrace).toEqual({ collectorHost: '127.0.0.1', collectorPort: 0, retentionHours: 2, authKey: '' });
    expect(() => loadConfig({ ...base, SIP_TRACE_RETENTION_HOURS: '0' })).toThrow(ConfigError);
    // Capture on needs the key the edge signs its packets with; capture off does not.
    expect(() => loadConfig({ ...base, SIP_TRACE_AUTH_KEY: '' })).toThrow(ConfigError);
    expect(loadConfig({ ...base, SIP_TRACE_AUTH_KEY: '', SIP_TRACE_COLLECTOR_PORT: '0' }).sipTrace.authKey).toBe('');
  });

  it('reads the edge-event shard count: a power of two up to 1024', () => {
    expect(loadConfig({ ...base, RTPENGINE_DTMF_PORT: '0', SIP_PORT: '5080' })).toMatchObject({
      dtmfEventsPort: 0,
      edgeSipPort: 5080,
    });
    expect(loadConfig({ ...base, EDGE_EVENT_SHARDS: '4' }).edgeEventShards).toBe(4);
    expect(loadConfig({ ...base, EDGE_EVENT_SHARDS: '1' }).edgeEventShards).toBe(1);
    expect(() => loadConfig({ ...base, EDGE_EVENT_SHARDS: '12' })).toThrow(/power of two/);
    expect(() => loadConfig({ ...base, EDGE_EVENT_SHARDS: '2048' })).toThrow(ConfigError);
  });

  it('reads the webhook settings, with fractional retry delays', () => {
    const config = loadConfig({
      ...base,
      WEBHOOK_TIMEOUT_MS: '750',
      WEBHOOK_RETRY_SCHEDULE: '0.2, 1.5,0',
      WEBHOOK_DISABLE_AFTER_FAILURES: '0',
    });
    expect(config.webhooks).toMatchObject({ timeoutMs: 750, retryScheduleMs: [200, 1500, 0], disableAfterFailures: 0 });
  });

  it('reads overrides and trims a trailing slash from PUBLIC_URL', () => {
    const config = loadConfig({
      ...base,
      PORT: '8080',
      PUBLIC_URL: 'https://api.example.com/',
      SIP_DOMAIN_SUFFIX: 'SIP.Example.COM',
    });
    expect(config).toMatchObject({
      port: 8080,
      publicUrl: 'https://api.example.com',
      sipDomainSuffix: 'sip.example.com',
    });
  });

  it.each([
    [{ ...base, DATABASE_URL: '' }, /DATABASE_URL/],
    [{ ...base, ADMIN_API_KEY: undefined }, /ADMIN_API_KEY/],
    [{ ...base, ADMIN_API_KEY: 'short' }, /at least 32/],
    [{ ...base, CLIENT_TOKEN_SECRET: undefined }, /CLIENT_TOKEN_SECRET/],
    [{ ...base, TURN_SECRET: 'short' }, /TURN_SECRET must be at least 32/],
    [{ ...base, PORT: 'http' }, /PORT must be an integer/],
    [{ ...base, PORT: '70000' }, /PORT must be an integer/],
    [{ ...base, BODY_LIMIT_BYTES: '10' }, /BODY_LIMIT_BYTES/],
    [{ ...base, WEBHOOK_ENCRYPTION_KEY: undefined }, /WEBHOOK_ENCRYPTION_KEY must be set/],
    [{ ...base, WEBHOOK_ENCRYPTION_KEY: 'k'.repeat(32) }, /WEBHOOK_ENCRYPTION_KEY must be 32 bytes/],
    [{ ...base, WEBHOOK_ENCRYPTION_KEY: `${base.WEBHOOK_ENCRYPTION_KEY}!` }, /WEBHOOK_ENCRYPTION_KEY must be 32 bytes/],
    [{ ...base, WEBHOOK_RETRY_SCHEDULE: '5,soon' }, /WEBHOOK_RETRY_SCHEDULE/],
    [{ ...base, WEBHOOK_RETRY_SCHEDULE: '5,,6' }, /WEBHOOK_RETRY_SCHEDULE/],
    [{ ...base, WEBHOOK_RETRY_SCHEDULE: '-1' }, /WEBHOOK_RETRY_SCHEDULE/],
    [{ ...base, WEBHOOK_TIMEOUT_MS: '10' }, /WEBHOOK_TIMEOUT_MS/],
    [{ ...base, WEBHOOK_DISABLE_AFTER_FAILURES: '-1' }, /WEBHOOK_DISABLE_AFTER_FAILURES/],
  ])('refuses invalid settings with a clear message (%#)', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
