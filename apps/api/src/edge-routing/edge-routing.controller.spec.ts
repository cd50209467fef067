import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { CALLWIRE_CONFIG, type CallwireConfig } from '@callwire/config';
import { createControllerApp } from '../../../../test/support/controller-harness';
import { EdgeApiTokenGuard } from './edge-api-token.guard';
import type { EdgeRouteRequest } from './edge-route.contract';
import { EDGE_ROUTES_PATH, EdgeRoutingController } from './edge-routing.controller';
import { EdgeRoutingService } from './edge-routing.service';

const TOKEN = 'edge-token-'.padEnd(40, 'x');

const request: EdgeRouteRequest = {
  kind: 'inbound',
  sipCallId: 'abc@127.0.0.3',
  sourceIp: '127.0.0.3',
  sourcePort: 5060,
  transport: 'udp',
  requestUser: '+15550001001',
  toUser: '+15550001001',
  fromUser: '+14155550100',
  fromDomain: 'carrier.example',
};

describe(EdgeRoutingController.name, () => {
  let app: NestFastifyApplication;
  const decide = jest.fn();

  beforeAll(async () => {
    app = await createControllerApp(EdgeRoutingController, [
      EdgeApiTokenGuard,
      { provide: CALLWIRE_CONFIG, useValue: { routing: { edgeApiToken: TOKEN } } as CallwireConfig },
      { provide: EdgeRoutingService, useValue: { decide } },
    ]);
  });
  afterAll(() => app.close());
  beforeEach(() => decide.mockReset().mockResolvedValue({ action: 'reject', status: 404, reason: 'Not Found' }));

  const post = (body: unknown, headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` }) =>
    app.inject({
      method: 'POST',
      url: `/${EDGE_ROUTES_PATH}`,
      payload: body as object,
      headers,
      remoteAddress: '127.0.0.1',
    });

  it('answers the decision with 200, outside /v1', async () => {
    const response = await post(request);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ action: 'reject', status: 404, reason: 'Not Found' });
    expect(decide).toHaveBeenCalledWith(expect.objectContaining({ sipCallId: 'abc@127.0.0.3', sourcePort: 5060 }));
  });

  it.each([
    ['no token', {}],
    ['a wrong token', { authorization: `Bearer ${TOKEN.slice(0, -1)}y` }],
    ['an account key', { authorization: 'Bearer test-account-key' }],
  ])('refuses %s with a 403 problem', async (_name, headers) => {
    const response = await post(request, headers);
    expect(response.statusCode).toBe(403);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(decide).not.toHaveBeenCalled();
  });

  it('refuses the right token from outside the machine', async () => {
    const response = await app.inject({
      method: 'POST',
      url: `/${EDGE_ROUTES_PATH}`,
      payload: request,
      headers: { authorization: `Bearer ${TOKEN}` },
      remoteAddress: '192.0.2.10',
    });
    expect(response.statusCode).toBe(403);
  });

  it('validates what the edge sends', async () => {
    const response = await post({ ...request, kind: 'sideways', sourcePort: 70000 });
    expect(response.statusCode).toBe(400);
    const fields = (response.json() as { errors: { field: string }[] }).errors.map((error) => error.field);
    expect(fields).toEqual(expect.arrayContaining(['kind', 'sourcePort']));
    expect(decide).not.toHaveBeenCalled();
  });
});
