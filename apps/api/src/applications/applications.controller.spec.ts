import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { TEST_ACCOUNT_ID, TEST_KEYS, createControllerApp } from '../../../../test/support/controller-harness';
import { ApplicationsController } from './applications.controller';
import { ApplicationsService } from './applications.service';

const ID = '01890000-0000-7000-8000-0000000000ab';

describe(ApplicationsController.name, () => {
  let app: NestFastifyApplication;
  const service = {
    create: jest.fn(),
    list: jest.fn(),
    get: jest.fn(),
    update: jest.fn(),
    delete: jest.fn(),
    rotateSecret: jest.fn(),
  };

  beforeAll(async () => {
    app = await createControllerApp(ApplicationsController, [{ provide: ApplicationsService, useValue: service }]);
  });
  afterAll(() => app.close());
  beforeEach(() => jest.clearAllMocks());

  const inject = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, key?: string, payload?: object) =>
    app.inject({ method, url, payload, headers: key ? { authorization: `Bearer ${key}` } : {} });

  it.each([
    ['GET', '/v1/applications'],
    ['POST', '/v1/applications'],
    ['GET', `/v1/applications/${ID}`],
    ['PATCH', `/v1/applications/${ID}`],
    ['DELETE', `/v1/applications/${ID}`],
    ['POST', `/v1/applications/${ID}/rotate-secret`],
  ] as const)('%s %s needs an account key: none → 401, admin → 403', async (method, url) => {
    expect((await inject(method, url)).statusCode).toBe(401);
    expect((await inject(method, url, 'nope')).statusCode).toBe(401);
    expect((await inject(method, url, TEST_KEYS.admin)).statusCode).toBe(403);
    expect(Object.values(service).every((fn) => fn.mock.calls.length === 0)).toBe(true);
  });

  it('passes the authenticated account and the validated body to the service', async () => {
    service.create.mockResolvedValue({ id: ID, signingSecret: 'whsec_x' });
    const body = { name: 'IVR', voiceUrl: 'https://example.com/voice', fallbackUrl: 'http://127.0.0.1:8080/x' };
    expect((await inject('POST', '/v1/applications', TEST_KEYS.account, body)).statusCode).toBe(201);
    expect(service.create).toHaveBeenCalledWith(TEST_ACCOUNT_ID, body);
  });

  it.each([
    [{ voiceUrl: 'https://example.com/voice' }, 'name'],
    [{ name: 'IVR', voiceUrl: 'example.com/voice' }, 'voiceUrl'],
    [{ name: 'IVR', voiceUrl: 'ftp://example.com/voice' }, 'voiceUrl'],
    [{ name: 'IVR', voiceUrl: 'https://example.com/voice', statusCallbackUrl: 'nope' }, 'statusCallbackUrl'],
    [{ name: 'IVR', voiceUrl: 'https://example.com/voice', signingSecret: 'whsec_x' }, 'signingSecret'],
  ])('rejects %j before the service is called (field %s)', async (payload, field) => {
    const response = await inject('POST', '/v1/applications', TEST_KEYS.account, payload);
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ errors: expect.arrayContaining([expect.objectContaining({ field })]) });
    expect(service.create).not.toHaveBeenCalled();
  });

  it('answers rotate-secret with 200 and delete with 204; validates patches', async () => {
    service.rotateSecret.mockResolvedValue({ signingSecret: 'whsec_y' });
    expect((await inject('POST', `/v1/applications/${ID}/rotate-secret`, TEST_KEYS.account)).statusCode).toBe(200);
    expect(service.rotateSecret).toHaveBeenCalledWith(TEST_ACCOUNT_ID, ID);
    service.delete.mockResolvedValue(undefined);
    expect((await inject('DELETE', `/v1/applications/${ID}`, TEST_KEYS.account)).statusCode).toBe(204);

    expect((await inject('PATCH', `/v1/applications/${ID}`, TEST_KEYS.account, { voiceUrl: null })).statusCode).toBe(
      400,
    );
    expect((await inject('PATCH', '/v1/applications/nope', TEST_KEYS.account, { name: 'x' })).statusCode).toBe(400);
    expect(service.update).not.toHaveBeenCalled();
    service.update.mockResolvedValue({ id: ID });
    const patch = { fallbackUrl: null, statusCallbackUrl: null };
    expect((await inject('PATCH', `/v1/applications/${ID}`, TEST_KEYS.account, patch)).statusCode).toBe(200);
    expect(service.update).toHaveBeenCalledWith(TEST_ACCOUNT_ID, ID, patch);
  });
});
