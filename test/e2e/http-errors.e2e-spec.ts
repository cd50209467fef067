import { ApiHarness, expectProblem } from '../support/api-harness';

describe('HTTP errors are RFC 9457 problems, never 500 (e2e)', () => {
  let api: ApiHarness;
  let key: string;

  beforeAll(async () => {
    api = await ApiHarness.start();
    ({ key } = await api.createTenant('Errors'));
  });
  afterAll(() => api.close());

  it('malformed JSON → 400', async () => {
    const response = await api.request('POST', '/v1/sip-users', { key, rawBody: '{"username": "a",' });
    expect(expectProblem(response, 400).detail).toMatch(/JSON/);
  });

  it('a body over BODY_LIMIT_BYTES → 413', async () => {
    const rawBody = JSON.stringify({ username: 'big', password: 'x'.repeat(200 * 1024) });
    expectProblem(await api.request('POST', '/v1/sip-users', { key, rawBody }), 413);
  });

  it('a non-JSON media type → 415', async () => {
    const response = await api.request('POST', '/v1/sip-users', {
      key,
      rawBody: 'username=a',
      contentType: 'text/plain',
    });
    expectProblem(response, 415);
  });

  it('form-urlencoded and multipart bodies → 415, and nothing is created', async () => {
    for (const contentType of ['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const response = await api.request('POST', '/v1/sip-users', {
        key,
        rawBody: 'username=formuser&password=password-123',
        contentType,
      });
      expectProblem(response, 415);
    }
    const list = await api.request<{ data: { username: string }[] }>('GET', '/v1/sip-users?limit=100', { key });
    expect(list.body.data.map((user) => user.username)).not.toContain('formuser');
  });

  it('a path parameter over the router limit → 414 problem', async () => {
    const response = await fetch(`${api.baseUrl}/v1/sip-users/${'a'.repeat(500)}`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(response.status).toBe(414);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await response.json()).toMatchObject({ status: 414, title: 'URI Too Long', instance: expect.any(String) });
  });

  it('headers over the size limit → 431 problem (answered by the HTTP parser, before any route)', async () => {
    const response = await fetch(`${api.baseUrl}/v1/sip-users`, {
      headers: { authorization: `Bearer ${key}`, 'x-padding': 'a'.repeat(20_000) },
    });
    expect(response.status).toBe(431);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await response.json()).toMatchObject({ type: 'about:blank', status: 431 });
  });

  it('a JSON body that is not an object → 400', async () => {
    for (const rawBody of ['[]', '"alice"', '42', 'null']) {
      expectProblem(await api.request('POST', '/v1/sip-users', { key, rawBody }), 400);
    }
  });

  it('an empty body on POST → 400 listing the required fields', async () => {
    const response = await api.request('POST', '/v1/sip-users', { key, rawBody: '{}' });
    const fields = (expectProblem(response, 400).errors as { field: string }[]).map((error) => error.field);
    expect(fields).toEqual(expect.arrayContaining(['username', 'password']));
  });

  it('unknown fields are rejected by name', async () => {
    const response = await api.request('POST', '/v1/sip-users', {
      key,
      body: { username: 'eve', password: 'password-123', isAdmin: true },
    });
    expect(expectProblem(response, 400).errors).toEqual([
      { field: 'isAdmin', message: 'property isAdmin should not exist' },
    ]);
  });

  it('prototype-pollution payloads are refused', async () => {
    const rawBody = '{"username":"pp","password":"password-123","__proto__":{"admin":true}}';
    expectProblem(await api.request('POST', '/v1/sip-users', { key, rawBody }), 400);
  });

  it('a malformed id → 400 naming the field, an unknown id → 404', async () => {
    expect(expectProblem(await api.request('GET', '/v1/sip-users/123', { key }), 400).errors).toEqual([
      { field: 'id', message: 'id must be a UUID' },
    ]);
    expectProblem(await api.request('GET', '/v1/sip-users/01890000-0000-7000-8000-000000000000', { key }), 404);
  });

  it('an unknown route → 404 problem', async () => {
    expectProblem(await api.request('GET', '/v1/nothing-here', { key }), 404);
  });

  it('missing, malformed, unknown keys → 401 with a Bearer challenge', async () => {
    for (const header of [undefined, 'cw_short', `cw_aaaaaaaaaaaa_${'A'.repeat(43)}`, 'x'.repeat(5000)]) {
      const response = await api.request('GET', '/v1/sip-users', { key: header });
      expectProblem(response, 401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    }
  });

  it('odd but well-formed inputs never produce a 500', async () => {
    const bodies: unknown[] = [
      { username: 'ü'.repeat(64), password: 'password-123' },
      { username: 'a'.repeat(65), password: 'password-123' },
      { username: 'nul\u0000byte', password: 'password-123' },
      { username: 'ok1', password: 'p\u0000ssword-123', displayName: '\u0000' },
      { username: ['array'], password: { nested: true } },
      { username: 'ok2', password: 'password-123', displayName: 'x'.repeat(101) },
      { username: 12345, password: 12345678 },
    ];
    for (const body of bodies) {
      const response = await api.request('POST', '/v1/sip-users', { key, body });
      expect(response.status).toBeLessThan(500);
    }
    for (const query of ['?limit=-1', '?limit=1e3', '?cursor=', '?cursor=%00', '?limit=10&limit=20']) {
      expect((await api.request('GET', `/v1/sip-users${query}`, { key })).status).toBeLessThan(500);
    }
  });
});
