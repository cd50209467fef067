import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { TEST_KEYS, createControllerApp } from '../../../../test/support/controller-harness';
import { AccountsController } from './accounts.controller';
import { AccountsService } from './accounts.service';

describe(AccountsController.name, () => {
  let app: NestFastifyApplication;
  const service = { create: jest.fn(), list: jest.fn(), get: jest.fn(), delete: jest.fn() };

  beforeAll(async () => {
    app = await createControllerApp(AccountsController, [{ provide: AccountsService, useValue: service }]);
  });
  afterAll(() => app.close());
  beforeEach(() => jest.clearAllMocks());

  const inject = (method: 'GET' | 'POST', url: string, key?: string, payload?: object) =>
    app.inject({ method, url, payload, headers: key ? { authorization: `Bearer ${key}` } : {} });

  it('is admin-only: none → 401, account key → 403', async () => {
    expect((await inject('GET', '/v1/accounts')).statusCode).toBe(401);
    expect((await inject('GET', '/v1/accounts', TEST_KEYS.account)).statusCode).toBe(403);
    expect((await inject('POST', '/v1/accounts', TEST_KEYS.account, { name: 'x' })).statusCode).toBe(403);
    expect(service.list).not.toHaveBeenCalled();
    expect(service.create).not.toHaveBeenCalled();
  });

  it('lower-cases sipDomain and rejects non-hostnames before the service', async () => {
    service.create.mockResolvedValue({ id: 'a1' });
    expect(
      (await inject('POST', '/v1/accounts', TEST_KEYS.admin, { name: 'Acme', sipDomain: 'SIP.Acme.Test' })).statusCode,
    ).toBe(201);
    expect(service.create).toHaveBeenCalledWith({ name: 'Acme', sipDomain: 'sip.acme.test' });
    const bad = await inject('POST', '/v1/accounts', TEST_KEYS.admin, { name: 'Acme', sipDomain: 'no spaces.test' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ errors: [{ field: 'sipDomain' }] });
    expect(service.create).toHaveBeenCalledTimes(1);
  });
});
