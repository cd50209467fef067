import { ApiHarness } from '../support/api-harness';

const METRICS_TOKEN = `metrics-${'m'.repeat(32)}`;

describe('Health, metrics and API docs (e2e)', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    process.env.METRICS_TOKEN = METRICS_TOKEN;
    api = await ApiHarness.start();
  });
  afterAll(() => api.close());

  it('GET /healthz: the process is up', async () => {
    const response = await api.request('GET', '/healthz');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('GET /readyz: PostgreSQL and Redis are reachable', async () => {
    const response = await api.request('GET', '/readyz');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok', checks: { database: 'up', redis: 'up' } });
  });

  it('GET /metrics: Prometheus counts and latency histograms by route template and status', async () => {
    const tenant = await api.createTenant('Metrics');
    await api.request('GET', '/v1/sip-users', { key: tenant.key });
    await api.request('GET', '/v1/sip-users/not-a-uuid', { key: tenant.key });
    const response = await api.request('GET', '/metrics', { key: METRICS_TOKEN });
    expect(response.status).toBe(200);
    expect(response.contentType).toMatch(/^text\/plain/);
    const text = String(response.body);
    expect(text).toContain('callwire_http_requests_total{method="GET",route="/v1/sip-users",status_code="200"}');
    expect(text).toContain('callwire_http_requests_total{method="GET",route="/v1/sip-users/:id",status_code="400"}');
    expect(text).toMatch(
      /callwire_http_request_duration_seconds_bucket\{le="0\.005",method="POST",route="\/v1\/accounts",status_code="201"\} \d+/,
    );
    expect(text).toContain('callwire_process_cpu_user_seconds_total');
    expect(text).not.toContain(tenant.key);
  });

  it('GET /metrics needs METRICS_TOKEN as a bearer token; no other key, no cookie', async () => {
    const tenant = await api.createTenant('Metrics Scraper');
    for (const key of [undefined, 'wrong', METRICS_TOKEN.slice(0, -1), api.adminKey, tenant.key]) {
      const response = await fetch(`${api.baseUrl}/metrics`, {
        headers: key === undefined ? {} : { authorization: `Bearer ${key}` },
      });
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await response.text()).not.toContain('callwire_http_requests_total');
    }
  });

  it('GET /metrics is off (403) when METRICS_TOKEN is not set', async () => {
    delete process.env.METRICS_TOKEN;
    const bare = await ApiHarness.start();
    try {
      const response = await fetch(`${bare.baseUrl}/metrics`, { headers: { authorization: 'Bearer anything' } });
      expect(response.status).toBe(403);
      expect(((await response.json()) as { detail: string }).detail).toMatch(/METRICS_TOKEN/);
    } finally {
      process.env.METRICS_TOKEN = METRICS_TOKEN;
      await bare.close();
    }
  });

  it('GET /openapi.json: generated from the code, with every v1 route and both security schemes', async () => {
    const response = await api.request<{
      paths: Record<string, Record<string, unknown>>;
      components: { securitySchemes: object };
    }>('GET', '/openapi.json');
    expect(response.status).toBe(200);
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining([
        '/v1/accounts',
        '/v1/accounts/{id}',
        '/v1/accounts/{id}/api-keys',
        '/v1/api-keys',
        '/v1/api-keys/{id}',
        '/v1/sip-users',
        '/v1/sip-users/{id}',
        '/v1/registrations',
      ]),
    );
    expect(Object.keys(response.body.paths['/v1/sip-users/{id}'] ?? {})).toEqual(
      expect.arrayContaining(['get', 'patch', 'delete']),
    );
    expect(Object.keys(response.body.components.securitySchemes)).toEqual(
      expect.arrayContaining(['adminKey', 'accountKey']),
    );
  });

  it('GET /docs: a browsable Swagger UI served locally', async () => {
    const page = await api.request('GET', '/docs');
    expect(page.status).toBe(200);
    expect(String(page.body)).toContain('swagger-ui');
    const asset = await fetch(`${api.baseUrl}/docs/swagger-ui-bundle.js`);
    expect(asset.status).toBe(200);
    expect((await asset.text()).length).toBeGreaterThan(100_000); // served from swagger-ui-dist, no CDN
  });
});
