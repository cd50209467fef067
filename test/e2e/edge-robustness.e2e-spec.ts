import { randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { once } from 'node:events';
import { connect } from 'node:net';
import { ApiHarness } from '../support/api-harness';
import { KamailioHarness, runSipp } from '../support/sip-harness';

/** Malformed SIP is answered or dropped; the edge stays up and keeps serving real clients. */
describe('SIP edge: malformed input (e2e)', () => {
  let api: ApiHarness;
  let edge: KamailioHarness;

  beforeAll(async () => {
    api = await ApiHarness.start();
    edge = await KamailioHarness.start();
  }, 60_000);
  afterAll(async () => {
    await edge?.stop();
    await api?.close();
  });

  const torture: string[] = [
    '',
    'garbage',
    '\u0000\u0001\u0002\u00ff'.repeat(100),
    'INVITE sip:a@b SIP/2.0\r\n\r\n',
    'REGISTER sip:x SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:1;branch=z9hG4bKx\r\nContent-Length: 99999\r\n\r\n',
    'OPTIONS sip:x SIP/2.0\r\nVia: nonsense\r\nFrom: <>\r\nTo: <>\r\nCall-ID: \r\nCSeq: abc OPTIONS\r\n\r\n',
    `INVITE sip:${'a'.repeat(60_000)}@b SIP/2.0\r\n\r\n`,
    'SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bKnope\r\nCSeq: 1 INVITE\r\n\r\n',
    `REGISTER sip:x SIP/2.0\r\n${'X-Header: y\r\n'.repeat(2000)}\r\n`,
    'INVITE sip:a@b SIP/2.0\r\nMax-Forwards: -1\r\nVia: SIP/2.0/UDP 127.0.0.1:1;branch=z9hG4bK1\r\nFrom: <sip:a@b>;tag=1\r\nTo: <sip:a@b>\r\nCall-ID: 1\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n',
  ];

  it('survives malformed datagrams and streams, then still registers a real client', async () => {
    const udp = createSocket('udp4');
    await new Promise<void>((done) => udp.bind(0, '127.0.0.1', done));
    for (const message of torture) {
      const payload = Buffer.from(message, 'latin1');
      if (payload.length > 0 && payload.length < 65_000) udp.send(payload, edge.port, '127.0.0.1');
    }
    for (const message of torture) {
      const socket = connect(edge.port, '127.0.0.1');
      socket.on('error', () => undefined); // the edge may close the connection: that is fine
      await once(socket, 'connect');
      socket.end(Buffer.from(message + randomBytes(16).toString('hex'), 'latin1'));
      await new Promise((r) => setTimeout(r, 20));
      socket.destroy();
    }
    udp.close();
    await new Promise((r) => setTimeout(r, 300));

    const tenant = await api.createTenant('Robust');
    await api.request('POST', '/v1/sip-users', { key: tenant.key, body: { username: 'rob', password: 'robust-pass' } });
    const result = await runSipp({
      scenario: 'register',
      edgePort: edge.port,
      final: 200,
      keys: { user: 'rob', domain: tenant.sipDomain, expires: '60' },
      auth: { username: 'rob', password: 'robust-pass' },
    });
    expect(result).toMatchObject({ exitCode: 0 });
  });
});
