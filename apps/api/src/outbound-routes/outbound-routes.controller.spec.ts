import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { TEST_ACCOUNT_ID, TEST_KEYS, createControllerApp } from '../../../../test/support/controller-harness';
import { OutboundRoutesController } from './outbound-routes.controller';
import { OutboundRoutesService } from './outbound-routes.service';

const ID = '01890000-0000-7000-8000-0000000000ef';

describe(OutboundRoutesController.name, () => {
  let app: NestFastifyApplication;
  const service = { create: jest.fn(), list: jest.fn(), get: jest.fn(), update: jest.fn(), delete: jest.fn() };

  beforeAll(async () => {
    app = await createControllerApp(OutboundRoutesController, [{ provide: OutboundRoutesService, useValue: service }]);
  });
  afterAll(() => app.close());
  beforeEach(() => jest.clearAllMocks());

  const inject = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, key?: string, payload?: object) =>
    app.inject({ method, url, payload, headers: key ? { authorization: `Bearer ${key}` } : {} });

  it.each([
    ['GET', '/v1/outbound-routes'],
    ['POST', '/v1/outbound-routes'],
    ['GET', `/v1/outbound-routes/${ID}`],
    ['PATCH', `/v1/outbound-routes/${ID}`],
    ['DELETE', `/v1/outbound-routes/${ID}`],
  ] as const)('%s %s needs an account key: none → 401, admin → 403', async (method, url) => {
    expect((await inject(method, url)).statusCode).toBe(401);
    expect((await inject(method, url, 'nope')).statusCode).toBe(401);
    expect((await inject(method, url, TEST_KEYS.admin)).statusCode).toBe(403);
    expect(Object.values(service).every((fn) => fn.mock.calls.length === 0)).toBe(true);
  });

  it.each(['', '+1', '44', '+123456789012345'])('passes prefix %j and the account to the service', async (prefix) => {
    service.create.mockResolvedValue({ id: ID });
    const body = { name: 'Route', prefix, carrierId: ID };
    expect((await inject('POST', '/v1/outbound-routes', TEST_KEYS.account, body)).statusCode).toBe(201);
    expect(service.create).toHaveBeenCalledWith(TEST_ACCOUNT_ID, body);
  });

  it.each([
    [{ name: 'x', prefix: '+', carrierId: ID }, 'prefix'],
    [{ name: 'x', prefix: '1-800', carrierId: ID }, 'prefix'],
    [{ name: 'x', prefix: '+1234567890123456', carrierId: ID }, 'prefix'],
    [{ name: 'x', prefix: '', priority: 1001, carrierId: ID }, 'priority'],
    [{ name: 'x', prefix: '', carrierId: 'carrier-1' }, 'carrierId'],
    [{ name: '', prefix: '', carrierId: ID }, 'name'],
  ])('rejects %j before the service is called (field %s)', async (payload, field) => {
    const response = await inject('POST', '/v1/outbound-routes', TEST_KEYS.account, payload);
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ errors: expect.arrayContaining([expect.objectContaining({ field })]) });
    expect(service.create).not.toHaveBeenCalled();
  });

  it('validates patches and page queries; delete answers 204', async () => {
    expect(
      (await inject('PATCH', `/v1/outbound-routes/${ID}`, TEST_KEYS.account, { carrierId: null })).statusCode,
    ).toBe(400);
    expect((await inject('GET', '/v1/outbound-routes?limit=0', TEST_KEYS.account)).statusCode).toBe(400);
    expect(service.update).not.toHaveBeenCalled();
    expect(service.list).not.toHaveBeenCalled();
    service.update.mockResolvedValue({ id: ID });
    expect((await inject('PATCH', `/v1/outbound-routes/${ID}`, TEST_KEYS.account, { priority: 0 })).statusCode).toBe(
      200,
    );
    expect(service.update).toHaveBeenCalledWith(TEST_ACCOUNT_ID, ID, { priority: 0 });
    service.list.mockResolvedValue({ data: [], nextCursor: null });
    expect((await inject('GET', '/v1/outbound-routes?limit=5', TEST_KEYS.account)).statusCode).toBe(200);
    expect(service.list).toHaveBeenCalledWith(TEST_ACCOUNT_ID, { limit: 5 });
    service.delete.mockResolvedValue(undefined);
    expect((await inject('DELETE', `/v1/outbound-routes/${ID}`, TEST_KEYS.account)).statusCode).toBe(204);
  });
});
