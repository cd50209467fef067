import { type IncomingHttpHeaders, type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import type { CallwireConfig } from '@callwire/config';
import { EgressHttp, EgressPolicy } from '@callwire/egress';
import { generateWebhookSecret, verifyWebhook } from '@callwire/webhooks';
import { WebhookSender } from './webhook.sender';
import { testConfig } from '../../../../test/support/test-config';

describe('WebhookSender', () => {
  let server: Server;
  let base: string;
  const seen: { url: string; headers: IncomingHttpHeaders; body: string }[] = [];
  const senderWith = (config: CallwireConfig) => new WebhookSender(config, new EgressHttp(new EgressPolicy(config)));
  const sender = senderWith(
    testConfig({ WEBHOOK_ENCRYPTION_KEY: randomBytes(32).toString('base64url'), WEBHOOK_TIMEOUT_MS: '300' }),
  );

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        seen.push({ url: request.url ?? '', headers: request.headers, body });
        const status = Number(request.url?.slice(1));
        if (request.url === '/hang') return; // never answers
        if (status >= 300 && status < 400) response.setHeader('location', '/200');
        response.writeHead(status).end('a body nobody reads');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('POSTs the body with Standard Webhooks headers and reports 2xx as delivered', async () => {
    const secret = generateWebhookSecret();
    const body = JSON.stringify({ id: 'e1', type: 'call.completed' });
    const outcome = await sender.send(`${base}/204`, secret, 'e1', body);
    expect(outcome).toEqual({ ok: true, statusCode: 204, latencyMs: expect.any(Number) });
    const request = seen.at(-1);
    expect(request?.body).toBe(body);
    expect(request?.headers).toMatchObject({
      'content-type': 'application/json',
      'user-agent': 'Callwire-Webhooks/1',
      'webhook-id': 'e1',
    });
    expect(() => verifyWebhook(secret, request?.headers ?? {}, body)).not.toThrow();
  });

  it.each([
    [500, true],
    [503, true],
    [429, true],
    [400, false],
    [410, false],
    [302, false],
  ])('HTTP %i is a failure, retryable: %s (redirects are not followed)', async (status, retryable) => {
    const count = seen.length;
    const outcome = await sender.send(`${base}/${status}`, generateWebhookSecret(), 'e2', '{}');
    expect(outcome).toEqual({
      ok: false,
      statusCode: status,
      latencyMs: expect.any(Number),
      error: `HTTP ${status}`,
      retryable,
    });
    expect(seen).toHaveLength(count + 1);
  });

  it('reports a timeout and a refused connection as retryable failures without a status', async () => {
    expect(await sender.send(`${base}/hang`, generateWebhookSecret(), 'e3', '{}')).toEqual({
      ok: false,
      statusCode: null,
      latencyMs: expect.any(Number),
      error: 'timeout after 300 ms',
      retryable: true,
    });
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    expect(await sender.send(`http://127.0.0.1:${port}/x`, generateWebhookSecret(), 'e4', '{}')).toMatchObject({
      ok: false,
      statusCode: null,
      error: 'connection failed', // not which ports are closed
      retryable: true,
    });
  });

  it('gives up at once on a destination the egress policy refuses, without sending anything', async () => {
    const strict = senderWith(testConfig({ EGRESS_ALLOWED_NETWORKS: '' }));
    const count = seen.length;
    for (const host of ['127.0.0.1', 'localhost', '[::ffff:127.0.0.1]']) {
      const url = `${base.replace('127.0.0.1', host)}/204`;
      expect(await strict.send(url, generateWebhookSecret(), 'e6', '{}')).toEqual({
        ok: false,
        statusCode: null,
        latencyMs: expect.any(Number),
        error: 'destination not allowed',
        retryable: false,
      });
    }
    expect(seen).toHaveLength(count);
  });

  it('gives up at once on a port fetch refuses to use', async () => {
    expect(await sender.send('http://127.0.0.1:6000/x', generateWebhookSecret(), 'e5', '{}')).toMatchObject({
      ok: false,
      statusCode: null,
      error: 'bad port',
      retryable: false,
    });
  });
});
