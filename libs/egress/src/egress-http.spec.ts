import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { testConfig } from '../../../test/support/test-config';
import { EGRESS_REFUSED } from './egress-failure';
import { EgressHttp } from './egress-http';
import { EgressPolicy } from './egress-policy';

const httpAllowing = (networks: string) =>
  new EgressHttp(new EgressPolicy(testConfig({ EGRESS_ALLOWED_NETWORKS: networks })));

describe('EgressHttp', () => {
  let server: Server;
  let port: number;
  let received = 0;
  const strict = httpAllowing('');
  const lab = httpAllowing('127.0.0.0/8,::1/128');

  beforeAll(async () => {
    server = createServer((request, response) => {
      received++;
      response.writeHead(204).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await Promise.all([strict.onApplicationShutdown(), lab.onApplicationShutdown()]);
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it.each(['127.0.0.1', 'localhost', '[::ffff:127.0.0.1]', '[::ffff:7f00:1]', '0x7f000001', '2130706433', '127.1'])(
    'refuses http://%s:<port> when connecting: the request never reaches the loopback server',
    async (host) => {
      const failure = await strict.fetch(`http://${host}:${port}/`, { method: 'POST', body: '{}' }).then(
        () => null,
        (error: { cause?: unknown }) => error.cause,
      );
      expect(failure).toMatchObject({ code: EGRESS_REFUSED, message: 'destination not allowed' });
      expect(received).toBe(0);
    },
  );

  it('connects to a network that EGRESS_ALLOWED_NETWORKS lists', async () => {
    const response = await lab.fetch(`http://localhost:${port}/`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(204);
    expect(received).toBe(1);
  });
});
