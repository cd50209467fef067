import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { TEST_ACCOUNT_ID, TEST_KEYS, createControllerApp } from '../../../../test/support/controller-harness';
import { PhoneNumbersController } from './phone-numbers.controller';
import { PhoneNumbersService } from './phone-numbers.service';

const ID = '01890000-0000-7000-8000-0000000000dd';

describe(PhoneNumbersController.name, () => {
  let app: NestFastifyApplication;
  const service = { create: jest.fn(), list: jest.fn(), get: jest.fn(), update: jest.fn(), delete: jest.fn() };

  beforeAll(async () => {
    app = await createControllerApp(PhoneNumbersController, [{ provide: PhoneNumbersService, useValue: service }]);
  });
  afterAll(() => app.close());
  beforeEach(() => jest.clearAllMocks());

  const inject = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, key?: string, payload?: object) =>
    app.inject({ method, url, payload, headers: key ? { authorization: `Bearer ${key}` } : {} });

  it.each([
    ['GET', '/v1/phone-numbers'],
    ['POST', '/v1/phone-numbers'],
    ['GET', `/v1/phone-numbers/${ID}`],
    ['PATCH', `/v1/phone-numbers/${ID}`],
    ['DELETE', `/v1/phone-numbers/${ID}`],
  ] as const)('%s %s needs an account key: none → 401, admin → 403', async (method, url) => {
    expect((await inject(method, url)).statusCode).toBe(401);
    expect((await inject(method, url, 'nope')).statusCode).toBe(401);
    expect((await inject(method, url, TEST_KEYS.admin)).statusCode).toBe(403);
    expect(Object.values(service).every((fn) => fn.mock.calls.length === 0)).toBe(true);
  });

  it.each([
    { type: 'sip-user', target: 'alice' },
    { type: 'client', target: 'bob.smith' },
    { type: 'application', target: ID },
    { type: 'sip-uri', target: 'sip:+14155550100@pbx.example.com;user=phone' },
  ])('passes the account and a valid %j route to the service', async (route) => {
    service.create.mockResolvedValue({ id: ID });
    const body = { number: '+14155550100', carrierId: ID, route };
    expect((await inject('POST', '/v1/phone-numbers', TEST_KEYS.account, body)).statusCode).toBe(201);
    expect(service.create).toHaveBeenCalledWith(TEST_ACCOUNT_ID, body);
  });

  it.each([
    [{ number: '4155550100', route: { type: 'client', target: 'bob' } }, 'number'],
    [{ number: '+14155550100', route: { type: 'sip-user', target: 'client.bob' } }, 'route.target'],
    [{ number: '+14155550100', route: { type: 'client', target: 'bob smith' } }, 'route.target'],
    [{ number: '+14155550100', route: { type: 'application', target: 'ivr' } }, 'route.target'],
    [{ number: '+14155550100', route: { type: 'sip-uri', target: 'tel:+14155550100' } }, 'route.target'],
    [{ number: '+14155550100', route: { type: 'voicemail', target: 'x' } }, 'route.type'],
    [{ number: '+14155550100', route: 'sip:x@y' }, 'route'],
    [{ number: '+14155550100', carrierId: 'x', route: { type: 'client', target: 'bob' } }, 'carrierId'],
  ])('rejects %j before the service is called (field %s)', async (payload, field) => {
    const response = await inject('POST', '/v1/phone-numbers', TEST_KEYS.account, payload);
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ errors: expect.arrayContaining([expect.objectContaining({ field })]) });
    expect(service.create).not.toHaveBeenCalled();
  });

  it('validates patches (the number is immutable) and list queries', async () => {
    const number = await inject('PATCH', `/v1/phone-numbers/${ID}`, TEST_KEYS.account, { number: '+14155550101' });
    expect(number.statusCode).toBe(400);
    expect(number.json()).toMatchObject({ errors: [expect.objectContaining({ field: 'number' })] });
    expect((await inject('GET', '/v1/phone-numbers?number=abc', TEST_KEYS.account)).statusCode).toBe(400);
    expect(service.update).not.toHaveBeenCalled();
    expect(service.list).not.toHaveBeenCalled();

    service.update.mockResolvedValue({ id: ID });
    expect((await inject('PATCH', `/v1/phone-numbers/${ID}`, TEST_KEYS.account, { carrierId: null })).statusCode).toBe(
      200,
    );
    expect(service.update).toHaveBeenCalledWith(TEST_ACCOUNT_ID, ID, { carrierId: null });
    service.list.mockResolvedValue({ data: [], nextCursor: null });
    expect((await inject('GET', '/v1/phone-numbers?number=%2B14155550100', TEST_KEYS.account)).statusCode).toBe(200);
    expect(service.list).toHaveBeenCalledWith(TEST_ACCOUNT_ID, { number: '+14155550100' });
    service.delete.mockResolvedValue(undefined);
    expect((await inject('DELETE', `/v1/phone-numbers/${ID}`, TEST_KEYS.account)).statusCode).toBe(204);
  });
});
