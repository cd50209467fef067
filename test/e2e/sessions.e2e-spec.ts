import { ApiHarness, expectProblem } from '../support/api-harness';

type Tenant = { accountId: string; sipDomain: string; key: string };
interface Session {
  role: 'admin' | 'account';
  account: { id: string; name: string; sipDomain: string } | null;
  csrfToken: string;
  expiresAt: string;
}

/** Dashboard sign-in: API key → HttpOnly session cookie; CSRF token on changes; admin switching accounts. */
describe('Dashboard sessions (e2e)', () => {
  let api: ApiHarness;
  let acme: Tenant;
  let globex: Tenant;

  beforeAll(async () => {
    api = await ApiHarness.start();
    acme = await api.createTenant('Sessions Acme');
    globex = await api.createTenant('Sessions Globex');
    await api.request('POST', '/v1/sip-users', {
      key: globex.key,
      body: { username: 'gina', password: 'p'.repeat(12) },
    });
  });
  afterAll(() => api?.close());

  /** A browser-like client: keeps the cookie, sends the CSRF token when told to. */
  async function signIn(apiKey: string) {
    const response = await fetch(`${api.baseUrl}/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ apiKey }),
    });
    const setCookie = response.headers.get('set-cookie') ?? '';
    const session = (await response.json()) as Session;
    const cookie = setCookie.split(';', 1)[0] ?? '';
    const call = async <T = Record<string, unknown>>(
      method: string,
      path: string,
      options: { body?: unknown; csrf?: string | null } = {},
    ) => {
      const headers: Record<string, string> = { cookie };
      const csrf = options.csrf === undefined ? session.csrfToken : options.csrf;
      if (csrf) headers['x-csrf-token'] = csrf;
      if (options.body !== undefined) headers['content-type'] = 'application/json';
      const reply = await fetch(`${api.baseUrl}${path}`, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
      });
      const text = await reply.text();
      const contentType = reply.headers.get('content-type') ?? '';
      return {
        status: reply.status,
        contentType,
        headers: reply.headers,
        body: (text && contentType.includes('json') ? JSON.parse(text) : text) as T,
      };
    };
    return { status: response.status, setCookie, session, cookie, call };
  }

  it('exchanges an account key for an HttpOnly, SameSite=Strict cookie that scopes requests to the account', async () => {
    const signedIn = await signIn(acme.key);
    expect(signedIn.status).toBe(201);
    expect(signedIn.setCookie).toMatch(/^callwire_session=[A-Za-z0-9_-]{43};/);
    expect(signedIn.setCookie).toContain('HttpOnly');
    expect(signedIn.setCookie).toContain('SameSite=Strict');
    expect(signedIn.setCookie).toContain('Path=/');
    expect(signedIn.session).toMatchObject({
      role: 'account',
      account: { id: acme.accountId, name: 'Sessions Acme', sipDomain: acme.sipDomain },
    });
    expect(Date.parse(signedIn.session.expiresAt) - Date.now()).toBeGreaterThan(11 * 3600_000);

    expect((await signedIn.call('GET', '/v1/session')).body).toEqual(signedIn.session);
    const created = await signedIn.call('POST', '/v1/sip-users', {
      body: { username: 'sam', password: 's'.repeat(12) },
    });
    expect(created.status).toBe(201);
    // Tenant isolation: only the account's own users, and no admin routes.
    const users = await signedIn.call<{ data: { username: string }[] }>('GET', '/v1/sip-users');
    expect(users.body.data.map((user) => user.username)).toEqual(['sam']);
    expectProblem(await signedIn.call('GET', '/v1/accounts'), 403);
    expectProblem(await signedIn.call('PATCH', '/v1/session', { body: { accountId: globex.accountId } }), 403);
  });

  it('refuses changes without the session’s CSRF token, and never treats the cookie as a bearer key', async () => {
    const signedIn = await signIn(acme.key);
    const body = { username: 'eve', password: 'e'.repeat(12) };
    const missing = expectProblem(await signedIn.call('POST', '/v1/sip-users', { body, csrf: null }), 403);
    expect(missing.detail).toMatch(/X-CSRF-Token/);
    expectProblem(await signedIn.call('POST', '/v1/sip-users', { body, csrf: 'x'.repeat(43) }), 403);
    const other = await signIn(acme.key);
    expectProblem(await signedIn.call('POST', '/v1/sip-users', { body, csrf: other.session.csrfToken }), 403);
    // Reads need no token.
    expect((await signedIn.call('GET', '/v1/sip-users', { csrf: null })).status).toBe(200);
    const token = signedIn.cookie.split('=')[1] ?? '';
    expectProblem(await api.request('GET', '/v1/sip-users', { key: token }), 401);
  });

  it('judges a request that presents a key by that key alone, never by the cookie next to it', async () => {
    const signedIn = await signIn(acme.key);
    const withKey = (authorization: string, method = 'GET', body?: unknown) =>
      fetch(`${api.baseUrl}/v1/sip-users`, {
        method,
        headers: {
          cookie: signedIn.cookie,
          'x-csrf-token': signedIn.session.csrfToken,
          authorization,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    expect((await signedIn.call('GET', '/v1/sip-users')).status).toBe(200);
    for (const authorization of [`Bearer ${acme.key.slice(0, -1)}x`, 'Bearer cw_nope', 'Basic YTpi', 'Bearer ']) {
      const read = await withKey(authorization);
      expect(read.status).toBe(401);
      expect(read.headers.get('content-type')).toContain('application/problem+json');
    }
    const write = await withKey('Bearer cw_nope', 'POST', { username: 'mallory', password: 'm'.repeat(12) });
    expect(write.status).toBe(401);
    // A valid key wins over the cookie: Globex's key sees Globex's users, not Acme's.
    const other = await withKey(`Bearer ${globex.key}`);
    expect(((await other.json()) as { data: { username: string }[] }).data.map((user) => user.username)).toEqual([
      'gina',
    ]);
    // The session routes take the cookie only: a key next to it is not a way in either.
    expect(
      (await fetch(`${api.baseUrl}/v1/session`, { headers: { cookie: signedIn.cookie, authorization: 'Bearer x' } }))
        .status,
    ).toBe(401);
  });

  it('refuses wrong keys with a problem and no cookie', async () => {
    for (const apiKey of ['cw_nope', `${acme.key.slice(0, -1)}x`, '']) {
      const response = await fetch(`${api.baseUrl}/v1/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ apiKey }),
      });
      expect([400, 401]).toContain(response.status);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.headers.get('set-cookie')).toBeNull();
    }
    expectProblem(await api.request('GET', '/v1/session'), 401);
  });

  it('lets the admin see all accounts and switch into one, then out again', async () => {
    const admin = await signIn(api.adminKey);
    expect(admin.session).toMatchObject({ role: 'admin', account: null });
    const accounts = await admin.call<{ data: { id: string }[] }>('GET', '/v1/accounts?limit=100');
    expect(accounts.body.data.map((account) => account.id)).toEqual(
      expect.arrayContaining([acme.accountId, globex.accountId]),
    );
    const notYet = expectProblem(await admin.call('GET', '/v1/sip-users'), 403);
    expect(notYet.detail).toMatch(/Switch into an account/);

    const switched = await admin.call<Session>('PATCH', '/v1/session', { body: { accountId: globex.accountId } });
    expect(switched.body).toMatchObject({ role: 'admin', account: { id: globex.accountId } });
    const users = await admin.call<{ data: { username: string }[] }>('GET', '/v1/sip-users');
    expect(users.body.data.map((user) => user.username)).toEqual(['gina']);
    expect((await admin.call('GET', '/v1/accounts')).status).toBe(200);

    expectProblem(
      await admin.call('PATCH', '/v1/session', { body: { accountId: '01890000-0000-7000-8000-000000000000' } }),
      404,
    );
    const invalid = expectProblem(await admin.call('PATCH', '/v1/session', { body: { accountId: 'acme' } }), 400);
    expect(invalid.errors).toEqual([{ field: 'accountId', message: expect.stringMatching(/UUID/) }]);
    expect((await admin.call<Session>('PATCH', '/v1/session', { body: { accountId: null } })).body.account).toBeNull();
    expectProblem(await admin.call('GET', '/v1/sip-users'), 403);
  });

  it('ends with sign-out, and with the API key it was opened with', async () => {
    const signedIn = await signIn(acme.key);
    const out = await signedIn.call('DELETE', '/v1/session');
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/^callwire_session=;.*Max-Age=0/);
    expectProblem(await signedIn.call('GET', '/v1/session'), 401);
    expectProblem(await signedIn.call('GET', '/v1/sip-users'), 401);

    const key = await api.request<{ id: string; key: string }>('POST', `/v1/accounts/${acme.accountId}/api-keys`, {
      key: api.adminKey,
      body: { name: 'short-lived' },
    });
    const viaKey = await signIn(key.body.key);
    expect((await viaKey.call('GET', '/v1/sip-users')).status).toBe(200);
    const revoked = await api.request('DELETE', `/v1/api-keys/${key.body.id}`, { key: acme.key });
    expect(revoked.status).toBeLessThan(300);
    expectProblem(await viaKey.call('GET', '/v1/sip-users'), 401);
  });
});
