import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { TEST_ACCOUNT_ID, TEST_KEYS, createControllerApp } from '../../../../test/support/controller-harness';
import { SipUsersController } from './sip-users.controller';
import { SipUsersService } from './sip-users.service';

describe(SipUsersController.name, () => {
  let app: NestFastifyApplication;
  const service = { create: jest.fn(), list: jest.fn(), get: jest.fn(), update: jest.fn(), delete: jest.fn() };

  beforeAll(async () => {
    app = await createControllerApp(SipUsersController, [{ provide: SipUsersService, useValue: service }]);
  });
  afterAll(() => app.close());
  beforeEach(() => jest.clearAllMocks());

  const inject = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, key?: string, payload?: object) =>
    app.inject({ method, url, payload, headers: key ? { authorization: `Bearer ${key}` } : {} });

  it.each([
    ['GET', '/v1/sip-users'],
    ['POST', '/v1/sip-users'],
    ['GET', `/v1/sip-users/${TEST_ACCOUNT_ID}`],
    ['PATCH', `/v1/sip-users/${TEST_ACCOUNT_ID}`],
    ['DELETE', `/v1/sip-users/${TEST_ACCOUNT_ID}`],
  ] as const)('%s %s needs an account key: none → 401, admin → 403', async (method, url) => {
    expect((await inject(method, url)).statusCode).toBe(401);
    expect((await inject(method, url, 'nope')).statusCode).toBe(401);
    expect((await inject(method, url, TEST_KEYS.admin)).statusCode).toBe(403);
    expect(Object.values(service).every((fn) => fn.mock.calls.length === 0)).toBe(true);
  });

  it('passes the authenticated account and the validated body to the service', async () => {
    service.create.mockResolvedValue({ id: 'u1' });
    const response = await inject('POST', '/v1/sip-users', TEST_KEYS.account, {
      username: 'alice',
      password: 'password-1',
    });
    expect(response.statusCode).toBe(201);
    expect(service.create).toHaveBeenCalledWith(TEST_ACCOUNT_ID, { username: 'alice', password: 'password-1' });
  });

  it('rejects invalid input before the service is called', async () => {
    for (const payload of [
      {},
      { username: 'a b', password: 'password-1' },
      { username: 'a', password: 'password-1', x: 1 },
    ]) {
      const response = await inject('POST', '/v1/sip-users', TEST_KEYS.account, payload);
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    expect((await inject('PATCH', '/v1/sip-users/not-a-uuid', TEST_KEYS.account, { enabled: false })).statusCode).toBe(
      400,
    );
    expect((await inject('GET', '/v1/sip-users?limit=500', TEST_KEYS.account)).statusCode).toBe(400);
    expect(service.create).not.toHaveBeenCalled();
    expect(service.update).not.toHaveBeenCalled();
    expect(service.list).not.toHaveBeenCalled();
  });

  it('converts query strings to numbers for the service', async () => {
    service.list.mockResolvedValue({ data: [], nextCursor: null });
    expect((await inject('GET', '/v1/sip-users?limit=5', TEST_KEYS.account)).statusCode).toBe(200);
    expect(service.list).toHaveBeenCalledWith(TEST_ACCOUNT_ID, { limit: 5 });
  });
});
