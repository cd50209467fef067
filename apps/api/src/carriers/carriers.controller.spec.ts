import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { TEST_ACCOUNT_ID, TEST_KEYS, createControllerApp } from '../../../../test/support/controller-harness';
import { CarriersController } from './carriers.controller';
import { CarriersService } from './carriers.service';

const ID = '01890000-0000-7000-8000-0000000000cc';

describe(CarriersController.name, () => {
  let app: NestFastifyApplication;
  const service = { create: jest.fn(), list: jest.fn(), get: jest.fn(), update: jest.fn(), delete: jest.fn() };

  beforeAll(async () => {
    app = await createControllerApp(CarriersController, [{ provide: CarriersService, useValue: service }]);
  });
  afterAll(() => app.close());
  beforeEach(() => jest.clearAllMocks());

  const inject = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, key?: string, payload?: object) =>
    app.inject({ method, url, payload, headers: key ? { authorization: `Bearer ${key}` } : {} });

  it.each([
    ['GET', '/v1/carriers'],
    ['POST', '/v1/carriers'],
    ['GET', `/v1/carriers/${ID}`],
    ['PATCH', `/v1/carriers/${ID}`],
    ['DELETE', `/v1/carriers/${ID}`],
  ] as const)('%s %s needs an account key: none → 401, admin → 403', async (method, url) => {
    expect((await inject(method, url)).statusCode).toBe(401);
    expect((await inject(method, url, 'nope')).statusCode).toBe(401);
    expect((await inject(method, url, TEST_KEYS.admin)).statusCode).toBe(403);
    expect(Object.values(service).every((fn) => fn.mock.calls.length === 0)).toBe(true);
  });

  it('passes the authenticated account and the validated body to the service', async () => {
    service.create.mockResolvedValue({ id: ID });
    const body = {
      name: 'Carrier X',
      inbound: { allowedAddresses: ['203.0.113.0/24'], auth: null },
      outbound: {
        gateways: [{ host: 'sip.carrier.example', transport: 'tls', port: 5061 }],
        auth: { username: 'acct', password: 'secret' },
        register: { enabled: true, expires: 600 },
        callerIdNumber: '4155550100',
      },
    };
    const response = await inject('POST', '/v1/carriers', TEST_KEYS.account, body);
    expect(response.statusCode).toBe(201);
    expect(service.create).toHaveBeenCalledWith(TEST_ACCOUNT_ID, body);
  });

  it.each([
    [{}, 'name'],
    [{ name: 'x', inbound: { allowedAddresses: ['203.0.113.7/24'] } }, 'inbound.allowedAddresses'],
    [{ name: 'x', inbound: { auth: { username: 'a b', password: 'password-1' } } }, 'inbound.auth.username'],
    [{ name: 'x', outbound: { gateways: [{ host: 'a.example', priority: -1 }] } }, 'outbound.gateways.0.priority'],
    [{ name: 'x', outbound: { gateways: [{ host: 'a.example' }, { host: 'A.example' }] } }, 'outbound.gateways'],
    [{ name: 'x', outbound: { register: { enabled: 'yes' } } }, 'outbound.register.enabled'],
    [{ name: 'x', outbound: { auth: { username: 'u' } } }, 'outbound.auth.password'],
    [{ name: 'x', enabled: null }, 'enabled'],
  ])('rejects %j before the service is called (field %s)', async (payload, field) => {
    const response = await inject('POST', '/v1/carriers', TEST_KEYS.account, payload);
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({
      type: 'urn:callwire:problem:validation-error',
      errors: expect.arrayContaining([expect.objectContaining({ field })]),
    });
    expect(service.create).not.toHaveBeenCalled();
  });

  it('validates ids, patches and page queries; delete answers 204', async () => {
    expect((await inject('PATCH', '/v1/carriers/nope', TEST_KEYS.account, { name: 'x' })).statusCode).toBe(400);
    expect((await inject('PATCH', `/v1/carriers/${ID}`, TEST_KEYS.account, { name: null })).statusCode).toBe(400);
    expect(
      (await inject('PATCH', `/v1/carriers/${ID}`, TEST_KEYS.account, { outbound: { register: { expires: 59 } } }))
        .statusCode,
    ).toBe(400);
    expect((await inject('GET', '/v1/carriers?limit=101', TEST_KEYS.account)).statusCode).toBe(400);
    expect(service.update).not.toHaveBeenCalled();
    expect(service.list).not.toHaveBeenCalled();

    service.update.mockResolvedValue({ id: ID });
    const patch = { inbound: { auth: null }, outbound: { register: { password: null }, fromDomain: null } };
    expect((await inject('PATCH', `/v1/carriers/${ID}`, TEST_KEYS.account, patch)).statusCode).toBe(200);
    expect(service.update).toHaveBeenCalledWith(TEST_ACCOUNT_ID, ID, patch);
    service.list.mockResolvedValue({ data: [], nextCursor: null });
    expect((await inject('GET', '/v1/carriers?limit=5', TEST_KEYS.account)).statusCode).toBe(200);
    expect(service.list).toHaveBeenCalledWith(TEST_ACCOUNT_ID, { limit: 5 });
    service.delete.mockResolvedValue(undefined);
    expect((await inject('DELETE', `/v1/carriers/${ID}`, TEST_KEYS.account)).statusCode).toBe(204);
    expect(service.delete).toHaveBeenCalledWith(TEST_ACCOUNT_ID, ID);
  });
});
