import { execFileSync } from 'node:child_process';
import { type RemoteInfo, type Socket as UdpSocket, createSocket } from 'node:dgram';
import { lookup } from 'node:dns/promises';
import { once } from 'node:events';
import { mkdtempSync, readFileSync } from 'node:fs';
import { type AddressInfo, type Server, type Socket, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer as createTlsServer } from 'node:tls';
import { type ProbeResult, probeGateway } from './probe';

/** A response to `request` that echoes its transaction headers, as a SIP stack does. */
function answer(request: string, statusLine: string, extra: string[] = []): string {
  const echoed = request
    .split('\r\n')
    .filter((line) => /^(Via|From|To|Call-ID|CSeq):/i.test(line))
    .map((line) => (line.startsWith('To:') ? `${line};tag=gw` : line));
  return [statusLine, ...echoed, ...extra, 'Content-Length: 0', '', ''].join('\r\n');
}

/** A UDP "gateway" on loopback; `reply` decides what to send back for the n-th request (nothing: undefined). */
async function udpGateway(
  reply: (request: string, n: number, from: RemoteInfo) => string[] | undefined,
  address = '127.0.0.1',
): Promise<{ socket: UdpSocket; port: number; requests: string[] }> {
  const socket = createSocket(address.includes(':') ? 'udp6' : 'udp4');
  const requests: string[] = [];
  socket.on('message', (data, from) => {
    const request = data.toString('utf8');
    requests.push(request);
    for (const message of reply(request, requests.length, from) ?? []) socket.send(message, from.port, from.address);
  });
  await new Promise<void>((bound) => socket.bind(0, address, bound));
  return { socket, port: socket.address().port, requests };
}

/** A TCP "gateway" that writes what `reply` returns for each request. */
async function tcpGateway(reply: (request: string) => string): Promise<{ server: Server; port: number }> {
  const server = createServer((connection: Socket) => {
    connection.on('data', (data) => connection.write(reply(data.toString('utf8'))));
    connection.on('error', () => undefined);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, port: (server.address() as AddressInfo).port };
}

describe('probeGateway over UDP', () => {
  const sockets: UdpSocket[] = [];
  afterAll(() => sockets.forEach((socket) => socket.close()));

  /** Probes a UDP gateway that answers as `reply` says (on `address`, probed as `host`). */
  async function probeUdp(
    reply: Parameters<typeof udpGateway>[0],
    {
      timeoutMs = 2000,
      address = '127.0.0.1',
      host = address,
    }: { timeoutMs?: number; address?: string; host?: string } = {},
  ): Promise<{ result: ProbeResult; requests: string[] }> {
    const gateway = await udpGateway(reply, address);
    sockets.push(gateway.socket);
    const result = await probeGateway({ host, port: gateway.port, transport: 'udp' }, timeoutMs);
    return { result, requests: gateway.requests };
  }

  it('is up with the response of the gateway, sent from the address and port the Via names', async () => {
    let source: RemoteInfo | undefined;
    const { result, requests } = await probeUdp((request, _, from) => {
      source = from;
      return [answer(request, 'SIP/2.0 200 OK')];
    });
    expect(result).toEqual({ status: 'up', response: '200 OK' });
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatch(/^OPTIONS sip:127\.0\.0\.1:\d+ SIP\/2\.0\r\n/);
    expect(requests[0]).toContain(`\r\nVia: SIP/2.0/UDP ${source?.address}:${source?.port};branch=z9hG4bK`);
  });

  it('counts any final response as up (the SIP stack answers), and reports it', async () => {
    const { result } = await probeUdp((request) => [answer(request, 'SIP/2.0 405 Method Not Allowed')]);
    expect(result).toEqual({ status: 'up', response: '405 Method Not Allowed' });
  });

  it('ignores responses of other transactions and waits for the final response after a provisional one', async () => {
    const { result } = await probeUdp((request) => [
      answer(request, 'SIP/2.0 200 OK').replace(/branch=z9hG4bK\w+/, 'branch=z9hG4bKsomeoneelse'),
      answer(request, 'SIP/2.0 100 Trying'),
      answer(request, 'SIP/2.0 404 Not Found'),
    ]);
    expect(result).toEqual({ status: 'up', response: '404 Not Found' });
  });

  it('retransmits the same request once when the first gets no answer', async () => {
    const { result, requests } = await probeUdp(
      (request, n) => (n === 2 ? [answer(request, 'SIP/2.0 200 OK')] : undefined),
      { timeoutMs: 5000 },
    );
    expect(result).toEqual({ status: 'up', response: '200 OK' });
    expect(requests).toHaveLength(2);
    expect(requests[1]).toBe(requests[0]);
  });

  it('is down with "timeout" when nothing answers', async () => {
    const { result, requests } = await probeUdp(() => undefined, { timeoutMs: 1000 });
    expect(result).toEqual({ status: 'down', response: 'timeout' });
    expect(requests.length).toBeGreaterThanOrEqual(1);
  });

  it('is up with a provisional response when no final one comes', async () => {
    const { result } = await probeUdp((request) => [answer(request, 'SIP/2.0 100 Trying')], { timeoutMs: 1000 });
    expect(result).toEqual({ status: 'up', response: '100 Trying' });
  });

  it('resolves host names with DNS (lookup)', async () => {
    const { address } = await lookup('localhost');
    const { result, requests } = await probeUdp((request) => [answer(request, 'SIP/2.0 200 OK')], {
      address,
      host: 'localhost',
    });
    expect(result).toEqual({ status: 'up', response: '200 OK' });
    expect(requests[0]).toMatch(/^OPTIONS sip:localhost:\d+ SIP\/2\.0\r\n/);
  });
});

describe('probeGateway over TCP', () => {
  const servers: Server[] = [];
  afterAll(() => servers.forEach((server) => server.close()));

  it('is up with the final response, framed on the stream after a provisional one with a body', async () => {
    const gateway = await tcpGateway((request) => {
      const trying = answer(request, 'SIP/2.0 100 Trying').replace('Content-Length: 0', 'Content-Length: 5');
      return `${trying}hello${answer(request, 'SIP/2.0 200 OK')}`;
    });
    servers.push(gateway.server);
    const result = await probeGateway({ host: '127.0.0.1', port: gateway.port, transport: 'tcp' }, 2000);
    expect(result).toEqual({ status: 'up', response: '200 OK' });
  });

  it('is down with the network error when the connection is refused', async () => {
    const closed = await tcpGateway(() => '');
    await new Promise((closedDone) => closed.server.close(closedDone));
    const result = await probeGateway({ host: '127.0.0.1', port: closed.port, transport: 'tcp' }, 2000);
    expect(result).toEqual({ status: 'down', response: 'ECONNREFUSED' });
  });

  it('is down when the gateway closes the connection without answering', async () => {
    const rude = createServer((connection) => connection.destroy());
    rude.listen(0, '127.0.0.1');
    await once(rude, 'listening');
    servers.push(rude);
    const port = (rude.address() as AddressInfo).port;
    const result = await probeGateway({ host: '127.0.0.1', port, transport: 'tcp' }, 2000);
    expect(result.status).toBe('down');
  });
});

describe('probeGateway over TLS', () => {
  it('is up with the response, whatever the certificate (self-signed here)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'callwire-sip-tls-'));
    execFileSync(
      'openssl',
      [
        ...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1'],
        ...['-subj', '/CN=gateway.test', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')],
      ],
      { stdio: 'ignore' },
    );
    const server = createTlsServer(
      { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) },
      (connection) => {
        connection.on('data', (data) => connection.write(answer(data.toString('utf8'), 'SIP/2.0 200 OK')));
        connection.on('error', () => undefined);
      },
    );
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const port = (server.address() as AddressInfo).port;
      const result = await probeGateway({ host: '127.0.0.1', port, transport: 'tls' }, 5000);
      expect(result).toEqual({ status: 'up', response: '200 OK' });
    } finally {
      server.close();
    }
  });
});
