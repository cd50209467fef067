import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { CALLWIRE_CONFIG, type CallwireConfig } from '@callwire/config';
import { createControllerApp } from '../../../../test/support/controller-harness';
import { EDGE_API_USER, EdgeApiTokenGuard } from './edge-api-token.guard';
import type { EdgeRouteRequest } from './edge-route.contract';
import { EDGE_ROUTES_PATH, EdgeRoutingController } from './edge-routing.controller';
import { EdgeRoutingService } from './edge-routing.service';

const TOKEN = 'edge-token-'.padEnd(40, 'x');
const basic = (user: string, password: string): string =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

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

  it('takes the token as the Basic password of the edge user (what Kamailio http_client sends)', async () => {
    const response = await post(request, { authorization: basic(EDGE_API_USER, TOKEN) });
    expect(response.statusCode).toBe(200);
    expect(decide).toHaveBeenCalledTimes(1);
  });

  it('sends no browser security headers on the decision (its client is the edge), and no caching', async () => {
    const response = await post(request);
    expect(response.headers['content-security-policy']).toBeUndefined();
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it.each([
    ['no token', {}],
    ['Basic with another user', { authorization: basic('admin', TOKEN) }],
    ['Basic with a wrong password', { authorization: basic(EDGE_API_USER, `${TOKEN.slice(0, -1)}y`) }],
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

  const invalidFields = (response: { json: () => unknown }): string[] =>
    (response.json() as { errors: { field: string }[] }).errors.map((error) => error.field);

  it('validates what the edge sends', async () => {
    const response = await post({ ...request, kind: 'sideways', sourcePort: 70000 });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(invalidFields(response)).toEqual(expect.arrayContaining(['kind', 'sourcePort']));
    expect(decide).not.toHaveBeenCalled();
  });

  it.each([
    ['an unknown field', { ...request, extra: 'x' }, 'extra'],
    ['a missing field', { ...request, sipCallId: undefined }, 'sipCallId'],
    ['a port as a string', { ...request, sourcePort: '5060' }, 'sourcePort'],
    ['a fractional port', { ...request, sourcePort: 5060.5 }, 'sourcePort'],
    ['a number where text belongs', { ...request, requestUser: 15550001001 }, 'requestUser'],
    ['an over-long Call-ID', { ...request, sipCallId: 'c'.repeat(256) }, 'sipCallId'],
    ['an over-long carrier user', { ...request, carrierUsername: 'u'.repeat(65) }, 'carrierUsername'],
  ])('refuses %s', async (_name, body, field) => {
    const response = await post(body);
    expect(response.statusCode).toBe(400);
    expect(invalidFields(response)).toContain(field);
    expect(decide).not.toHaveBeenCalled();
  });

  it.each([
    ['an array', JSON.stringify([request])],
    ['a string', '"route me"'],
    ['null', 'null'],
  ])('refuses %s as the JSON body', async (_name, json) => {
    const response = await app.inject({
      method: 'POST',
      url: `/${EDGE_ROUTES_PATH}`,
      payload: json,
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      remoteAddress: '127.0.0.1',
    });
    expect(response.statusCode).toBe(400);
    expect(decide).not.toHaveBeenCalled();
  });

  it('passes the request on as sent, with or without the carrier user', async () => {
    await post({ ...request, carrierUsername: 'trunk-1' });
    await post({ ...request, carrierUsername: null });
    expect(decide.mock.calls.map(([sent]: [EdgeRouteRequest]) => sent)).toEqual([
      { ...request, carrierUsername: 'trunk-1' },
      { ...request, carrierUsername: null },
    ]);
  });
});
