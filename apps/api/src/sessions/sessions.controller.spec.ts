import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { TEST_KEYS, TEST_SESSIONS, createControllerApp } from '../../../../test/support/controller-harness';
import { SessionsController } from './sessions.controller';
import { SessionsService } from './sessions.service';

describe(SessionsController.name, () => {
  let app: NestFastifyApplication;
  const session = { role: 'account', account: null, csrfToken: 'c', expiresAt: '2026-11-22T00:00:00.000Z' };
  const service = {
    signIn: jest.fn(async () => ({ token: 't'.repeat(43), expiresAt: new Date('2026-11-22T00:00:00Z'), session })),
    describe: jest.fn(async () => session),
    switchAccount: jest.fn(async () => session),
    signOut: jest.fn(async () => undefined),
  };

  beforeAll(async () => {
    app = await createControllerApp(SessionsController, [{ provide: SessionsService, useValue: service }]);
  });
  afterAll(() => app.close());
  beforeEach(() => jest.clearAllMocks());

  const cookie = (token: string) => ({ cookie: `callwire_session=${token}` });

  it('signs in with a key in the body and sets the session cookie', async () => {
    const response = await app.inject({ method: 'POST', url: '/v1/session', payload: { apiKey: 'cw_key' } });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual(session);
    expect(service.signIn).toHaveBeenCalledWith('cw_key');
    const setCookie = String(response.headers['set-cookie']);
    expect(setCookie).toMatch(
      /^callwire_session=t{43}; Path=\/; Expires=Sun, 22 Nov 2026 00:00:00 GMT; HttpOnly; SameSite=Strict$/,
    );
  });

  it('refuses a sign-in without a key, before the service', async () => {
    const response = await app.inject({ method: 'POST', url: '/v1/session', payload: {} });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'apiKey' })]));
    expect(service.signIn).not.toHaveBeenCalled();
  });

  it('knows only the cookie: no cookie or a bearer key → 401', async () => {
    expect((await app.inject({ method: 'GET', url: '/v1/session' })).statusCode).toBe(401);
    const bearer = await app.inject({
      method: 'GET',
      url: '/v1/session',
      headers: { authorization: `Bearer ${TEST_KEYS.admin}` },
    });
    expect(bearer.statusCode).toBe(401);
    const ok = await app.inject({ method: 'GET', url: '/v1/session', headers: cookie(TEST_SESSIONS.account) });
    expect(ok.statusCode).toBe(200);
    expect(service.describe).toHaveBeenCalledWith('session-1');
  });

  it('validates the account to switch to, and hands the role to the service', async () => {
    const patch = (payload: object) =>
      app.inject({ method: 'PATCH', url: '/v1/session', payload, headers: cookie(TEST_SESSIONS.admin) });
    expect((await patch({ accountId: 'acme' })).statusCode).toBe(400);
    expect((await patch({})).statusCode).toBe(400);
    expect((await patch({ accountId: null })).statusCode).toBe(200);
    expect(service.switchAccount).toHaveBeenCalledWith('session-admin', 'admin', null);
  });

  it('signs out: deletes the session and clears the cookie', async () => {
    const response = await app.inject({ method: 'DELETE', url: '/v1/session', headers: cookie(TEST_SESSIONS.account) });
    expect(response.statusCode).toBe(204);
    expect(service.signOut).toHaveBeenCalledWith('session-1');
    expect(String(response.headers['set-cookie'])).toMatch(/^callwire_session=; Max-Age=0;.*HttpOnly; SameSite=Strict/);
  });
});
