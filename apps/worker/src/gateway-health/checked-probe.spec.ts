import { type Socket, createSocket } from 'node:dgram';
import type { AddressInfo } from 'node:net';
import { EgressPolicy } from '@callwire/egress';
import { testConfig } from '../../../../test/support/test-config';
import { checkedProbe } from './checked-probe';

describe('checkedProbe (OPTIONS behind the egress policy)', () => {
  let gateway: Socket;
  let port: number;
  const received: string[] = [];

  beforeAll(async () => {
    gateway = createSocket('udp4');
    gateway.on('message', (data) => received.push(data.toString('utf8')));
    await new Promise<void>((resolve) => gateway.bind(0, '127.0.0.1', resolve));
    port = (gateway.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => gateway.close(resolve)));

  const probeWith = (networks: string) =>
    checkedProbe(new EgressPolicy(testConfig({ EGRESS_ALLOWED_NETWORKS: networks })));

  it.each(['127.0.0.1', 'localhost', '[::ffff:127.0.0.1]', '2130706433'])(
    'sends nothing to %s when loopback is not allowed',
    async (host) => {
      const result = await probeWith('')({ host, port, transport: 'udp' }, 300);
      expect(result).toEqual({ status: 'down', response: 'EGRESS_REFUSED' });
      expect(received).toHaveLength(0);
    },
  );

  it('sends the OPTIONS to the checked address when the network is allowed', async () => {
    const result = await probeWith('127.0.0.0/8,::1/128')({ host: 'localhost', port, transport: 'udp' }, 300);
    expect(result).toEqual({ status: 'down', response: 'timeout' }); // the socket does not answer
    expect(received[0]).toMatch(/^OPTIONS sip:localhost:\d+ SIP\/2\.0\r\n/);
  });
});
