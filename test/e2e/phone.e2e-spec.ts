import { ApiHarness } from '../support/api-harness';

// Needs the browser build (`npm run build:sdk`; `npm test` runs it first).
describe('Browser SDK and demo phone over HTTP (e2e)', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await ApiHarness.start();
  });
  afterAll(() => api.close());

  it('GET /sdk/callwire.js: the bundle, without a key', async () => {
    const response = await api.request('GET', '/sdk/callwire.js');
    expect(response.status).toBe(200);
    expect(response.contentType).toBe('application/javascript; charset=utf-8');
    expect(String(response.body)).toContain('var Callwire=');
  });

  it('GET /phone: the demo page, loading the SDK from this API', async () => {
    const response = await api.request('GET', '/phone');
    expect(response.status).toBe(200);
    expect(response.contentType).toBe('text/html; charset=utf-8');
    const html = String(response.body);
    expect(html).toContain('<script src="/sdk/callwire.js"></script>');
    for (const id of ['token', 'connect', 'status', 'target', 'call', 'answer', 'hangup', 'call-status']) {
      expect(html).toContain(`id="${id}"`);
    }
    for (const path of ['/phone/phone.js', '/phone/phone.css', '/sdk/callwire.js.map']) {
      expect((await api.request('GET', path)).status).toBe(200);
    }
  });

  it('stays out of /v1 and of the API docs', async () => {
    expect((await api.request('GET', '/v1/sdk/callwire.js')).status).toBe(404);
    const openapi = await api.request<{ paths: Record<string, unknown> }>('GET', '/openapi.json');
    expect(Object.keys(openapi.body.paths).filter((path) => /^\/(phone|sdk)/.test(path))).toEqual([]);
  });
});
