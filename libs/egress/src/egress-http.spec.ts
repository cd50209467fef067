import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { testConfig } from '../../../test/support/test-config';
import { EGRESS_REFUSED } from './egress-failure';
import { EgressHttp, EgressRequestError } from './egress-http';
import { EgressPolicy } from './egress-policy';

const httpAllowing = (networks: string) =>
  new EgressHttp(new EgressPolicy(testConfig({ EGRESS_ALLOWED_NETWORKS: networks })));

describe('EgressHttp', () => {
  let server: Server;
  let port: number;
  let received = 0;
  let connections = 0;
  const strict = httpAllowing('');
  const lab = httpAllowing('127.0.0.0/8,::1/128');

  beforeAll(async () => {
    server = createServer((request, response) => {
      received++;
      if (request.url === '/hang') return; // never answers
      response.writeHead(204).end();
    });
    server.on('connection', () => connections++);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await Promise.all([strict.onApplicationShutdown(), lab.onApplicationShutdown()]);
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const hosts = [
    '127.0.0.1',
    'localhost',
    '[::ffff:127.0.0.1]',
    '[::ffff:7f00:1]',
    '0x7f000001',
    '2130706433',
    '127.1',
  ];

  it.each(hosts)(
    'fetch refuses http://%s:<port> when connecting: the request never reaches the loopback server',
    async (host) => {
      const failure = await strict.fetch(`http://${host}:${port}/`, { method: 'POST', body: '{}' }).then(
        () => null,
        (error: { cause?: unknown }) => error.cause,
      );
      expect(failure).toMatchObject({ code: EGRESS_REFUSED, message: 'destination not allowed' });
      expect(received).toBe(0);
    },
  );

  it.each(hosts)(
    'post refuses http://%s:<port> when connecting: the request never reaches the loopback server',
    async (host) => {
      const failure = await strict.post(`http://${host}:${port}/`, { headers: {}, body: '{}', timeoutMs: 2000 }).then(
        () => null,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(EgressRequestError);
      expect((failure as EgressRequestError).cause).toMatchObject({
        code: EGRESS_REFUSED,
        message: 'destination not allowed',
      });
      expect(received).toBe(0);
    },
  );

  it('connects to a network that EGRESS_ALLOWED_NETWORKS lists', async () => {
    const response = await lab.fetch(`http://localhost:${port}/`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(204);
    expect(received).toBe(1);
    const status = await lab.post(`http://localhost:${port}/`, { headers: {}, body: '{}', timeoutMs: 2000 });
    expect(status).toBe(204);
    expect(received).toBe(2);
  });

  it('post reuses an open connection to the same origin, and a refused host still gets no new one', async () => {
    const before = connections;
    for (let i = 0; i < 10; i++) {
      expect(await lab.post(`http://127.0.0.1:${port}/`, { headers: {}, body: '{}', timeoutMs: 2000 })).toBe(204);
    }
    // undici may open a second one while the first is being freed: not one per POST.
    expect(connections - before).toBeLessThanOrEqual(2);
    await expect(
      strict.post(`http://127.0.0.1:${port}/`, { headers: {}, body: '{}', timeoutMs: 2000 }),
    ).rejects.toBeInstanceOf(EgressRequestError);
  });

  it('post refuses the ports fetch refuses, and reports a timeout by name', async () => {
    await expect(
      lab.post('http://127.0.0.1:6000/', { headers: {}, body: '{}', timeoutMs: 2000 }),
    ).rejects.toMatchObject({
      cause: { message: 'bad port' },
    });
    await expect(
      lab.post(`http://127.0.0.1:${port}/hang`, { headers: {}, body: '{}', timeoutMs: 200 }),
    ).rejects.toMatchObject({
      name: 'TimeoutError',
    });
  });
});
