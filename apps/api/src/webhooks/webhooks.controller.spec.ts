import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { TEST_ACCOUNT_ID, TEST_KEYS, createControllerApp } from '../../../../test/support/controller-harness';
import { WebhookDeliveriesController } from './webhook-deliveries.controller';
import { WebhooksController } from './webhooks.controller';
import { WebhooksService } from './webhooks.service';

const ID = '01890000-0000-7000-8000-0000000000bb';

describe(WebhooksController.name, () => {
  let endpointsApp: NestFastifyApplication;
  let deliveriesApp: NestFastifyApplication;
  const service = {
    create: jest.fn(),
    list: jest.fn(),
    get: jest.fn(),
    update: jest.fn(),
    delete: jest.fn(),
    rotateSecret: jest.fn(),
    listDeliveries: jest.fn(),
    replay: jest.fn(),
  };

  beforeAll(async () => {
    const providers = [{ provide: WebhooksService, useValue: service }];
    endpointsApp = await createControllerApp(WebhooksController, providers);
    deliveriesApp = await createControllerApp(WebhookDeliveriesController, providers);
  });
  afterAll(async () => {
    await endpointsApp.close();
    await deliveriesApp.close();
  });
  beforeEach(() => jest.clearAllMocks());

  const inject = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, key?: string, payload?: object) =>
    (url.startsWith('/v1/webhook-deliveries') ? deliveriesApp : endpointsApp).inject({
      method,
      url,
      payload,
      headers: key ? { authorization: `Bearer ${key}` } : {},
    });

  it.each([
    ['GET', '/v1/webhooks'],
    ['POST', '/v1/webhooks'],
    ['GET', `/v1/webhooks/${ID}`],
    ['PATCH', `/v1/webhooks/${ID}`],
    ['DELETE', `/v1/webhooks/${ID}`],
    ['POST', `/v1/webhooks/${ID}/rotate-secret`],
    ['GET', `/v1/webhooks/${ID}/deliveries`],
    ['POST', `/v1/webhook-deliveries/${ID}/replay`],
  ] as const)('%s %s needs an account key: none → 401, admin → 403', async (method, url) => {
    expect((await inject(method, url)).statusCode).toBe(401);
    expect((await inject(method, url, 'nope')).statusCode).toBe(401);
    expect((await inject(method, url, TEST_KEYS.admin)).statusCode).toBe(403);
    expect(Object.values(service).every((fn) => fn.mock.calls.length === 0)).toBe(true);
  });

  it('passes the authenticated account and the validated body to the service', async () => {
    service.create.mockResolvedValue({ id: ID, secret: 'whsec_x' });
    const body = { url: 'http://127.0.0.1:8080/hook', events: ['call.completed', 'registration.created'] };
    const response = await inject('POST', '/v1/webhooks', TEST_KEYS.account, body);
    expect(response.statusCode).toBe(201);
    expect(service.create).toHaveBeenCalledWith(TEST_ACCOUNT_ID, body);
  });

  it('answers rotate-secret with 200, replay with 202 and delete with 204', async () => {
    service.rotateSecret.mockResolvedValue({ secret: 'whsec_y' });
    service.replay.mockResolvedValue({ id: ID });
    service.delete.mockResolvedValue(undefined);
    expect((await inject('POST', `/v1/webhooks/${ID}/rotate-secret`, TEST_KEYS.account)).statusCode).toBe(200);
    expect(service.rotateSecret).toHaveBeenCalledWith(TEST_ACCOUNT_ID, ID);
    expect((await inject('POST', `/v1/webhook-deliveries/${ID}/replay`, TEST_KEYS.account)).statusCode).toBe(202);
    expect(service.replay).toHaveBeenCalledWith(TEST_ACCOUNT_ID, ID);
    expect((await inject('DELETE', `/v1/webhooks/${ID}`, TEST_KEYS.account)).statusCode).toBe(204);
  });

  it.each([
    [{ url: 'ftp://example.com', events: ['*'] }, 'url'],
    [{ url: 'example.com/hook', events: ['*'] }, 'url'],
    [{ url: 'https://example.com/hook', events: [] }, 'events'],
    [{ url: 'https://example.com/hook', events: ['call.exploded'] }, 'events'],
    [{ url: 'https://example.com/hook', events: ['*'], enabled: false }, 'enabled'],
  ])('rejects %j before the service is called (field %s)', async (payload, field) => {
    const response = await inject('POST', '/v1/webhooks', TEST_KEYS.account, payload);
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ errors: expect.arrayContaining([expect.objectContaining({ field })]) });
    expect(service.create).not.toHaveBeenCalled();
  });

  it('validates ids, patches and page queries', async () => {
    expect((await inject('PATCH', '/v1/webhooks/nope', TEST_KEYS.account, { enabled: false })).statusCode).toBe(400);
    expect((await inject('PATCH', `/v1/webhooks/${ID}`, TEST_KEYS.account, { enabled: 'no' })).statusCode).toBe(400);
    expect((await inject('PATCH', `/v1/webhooks/${ID}`, TEST_KEYS.account, { secret: 'x' })).statusCode).toBe(400);
    expect((await inject('GET', `/v1/webhooks/${ID}/deliveries?limit=101`, TEST_KEYS.account)).statusCode).toBe(400);
    expect((await inject('POST', '/v1/webhook-deliveries/nope/replay', TEST_KEYS.account)).statusCode).toBe(400);
    expect(service.update).not.toHaveBeenCalled();
    expect(service.listDeliveries).not.toHaveBeenCalled();
    expect(service.replay).not.toHaveBeenCalled();

    service.update.mockResolvedValue({ id: ID });
    const patch = { description: null, enabled: true };
    expect((await inject('PATCH', `/v1/webhooks/${ID}`, TEST_KEYS.account, patch)).statusCode).toBe(200);
    expect(service.update).toHaveBeenCalledWith(TEST_ACCOUNT_ID, ID, patch);
    service.listDeliveries.mockResolvedValue({ data: [], nextCursor: null });
    expect((await inject('GET', `/v1/webhooks/${ID}/deliveries?limit=5`, TEST_KEYS.account)).statusCode).toBe(200);
    expect(service.listDeliveries).toHaveBeenCalledWith(TEST_ACCOUNT_ID, ID, { limit: 5 });
  });
});
