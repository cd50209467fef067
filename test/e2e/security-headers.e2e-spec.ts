import { chromium } from 'playwright-core';
import { ApiHarness } from '../support/api-harness';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/browser-harness';

/** helmet's headers on every response, no-store on everything but the static files, the pages' own CSP kept. */
describe('Security headers (e2e)', () => {
  let api: ApiHarness;
  let key: string;

  beforeAll(async () => {
    api = await ApiHarness.start();
    ({ key } = await api.createTenant('Headers'));
  });
  afterAll(() => api.close());

  function expectProtected(headers: Headers): void {
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('x-frame-options')).toBe('DENY');
    expect(headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(headers.get('referrer-policy')).toBeTruthy();
  }

  it('API responses, problems included, are protected and never cached', async () => {
    const responses = [
      await fetch(`${api.baseUrl}/v1/sip-users`, { headers: { authorization: `Bearer ${key}` } }),
      await fetch(`${api.baseUrl}/v1/sip-users`),
      await fetch(`${api.baseUrl}/v1/sip-users/not-a-uuid`, { headers: { authorization: `Bearer ${key}` } }),
      await fetch(`${api.baseUrl}/healthz`),
      await fetch(`${api.baseUrl}/openapi.json`),
      await fetch(`${api.baseUrl}/v1/no-such-route`),
    ];
    expect(responses.map((response) => response.status)).toEqual([200, 401, 400, 200, 200, 404]);
    for (const response of responses) {
      expectProtected(response.headers);
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('a response with a secret in it (a new API key) is no-store', async () => {
    const account = await api.request<{ id: string }>('POST', '/v1/accounts', {
      key: api.adminKey,
      body: { name: 'Headers Two' },
    });
    const issued = await api.request<{ key: string }>('POST', `/v1/accounts/${account.body.id}/api-keys`, {
      key: api.adminKey,
      body: { name: 'secret' },
    });
    expect(issued.status).toBe(201);
    expect(issued.body.key).toMatch(/^cw_/);
    expect(issued.headers.get('cache-control')).toBe('no-store');
    expectProtected(issued.headers);
  });

  it('Swagger UI (/docs) still works under the API policy: rendered, and no CSP violation', async () => {
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      const violations: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
      });
      await page.goto(`${api.baseUrl}/docs`);
      await page.locator('.swagger-ui .info .title', { hasText: 'Callwire API' }).waitFor({ timeout: 15_000 });
      expect(await page.locator('.opblock').count()).toBeGreaterThan(20);
      expect(violations).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('the demo phone keeps its own CSP and the SDK its ETag caching, embeddable by other sites', async () => {
    const page = await fetch(`${api.baseUrl}/phone`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("connect-src 'self' ws: wss:");
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('x-frame-options')).toBe('DENY');

    const sdk = await fetch(`${api.baseUrl}/sdk/callwire.js`);
    expect(sdk.status).toBe(200);
    expect(sdk.headers.get('cache-control')).toBe('no-cache');
    expect(sdk.headers.get('x-content-type-options')).toBe('nosniff');
    expect(sdk.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    const etag = sdk.headers.get('etag') ?? '';
    expect(etag).not.toBe('');
    const again = await fetch(`${api.baseUrl}/sdk/callwire.js`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });
});
