import { type Server, createServer } from 'node:net';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { testConfig } from '../../../test/support/test-config';
import { EGRESS_REFUSED } from './egress-failure';
import { EgressPolicy } from './egress-policy';

const policyAllowing = (networks: string) => new EgressPolicy(testConfig({ EGRESS_ALLOWED_NETWORKS: networks }));

describe('EgressPolicy', () => {
  const strict = policyAllowing('');

  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['0.0.0.0', '"this host"'],
    ['0.1.2.3', '"this network"'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['169.254.169.254', 'link-local (cloud metadata)'],
    ['192.0.0.170', 'IETF protocol assignments'],
    ['192.88.99.1', '6to4 relay anycast'],
    ['198.18.0.1', 'benchmarking'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.255', 'broadcast'],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['::ffff:7f00:1', 'IPv4-mapped loopback (hex)'],
    ['::ffff:169.254.169.254', 'IPv4-mapped metadata'],
    ['::ffff:0.0.0.0', 'IPv4-mapped "this host"'],
    ['::127.0.0.1', 'IPv4-compatible (deprecated)'],
    ['64:ff9b::7f00:1', 'NAT64 of loopback'],
    ['64:ff9b::a9fe:a9fe', 'NAT64 of the metadata address'],
    ['64:ff9b:1::a00:1', 'local-use NAT64'],
    ['2002:7f00:1::1', '6to4 of loopback'],
    ['2002:c0a8:101::1', '6to4 of 192.168.1.1'],
    ['fd00:ec2::254', 'unique local (AWS metadata)'],
    ['fc00::1', 'unique local'],
    ['fe80::1', 'link-local'],
    ['fe80::1%lo', 'link-local with a zone'],
    ['fec0::1', 'site-local (deprecated)'],
    ['ff02::1', 'multicast'],
    ['100::1', 'discard-only'],
    ['2001::1', 'Teredo'],
    ['2001:2::1', 'benchmarking'],
    ['0x7f000001', 'not strict notation'],
    ['2130706433', 'not strict notation'],
    ['0177.0.0.1', 'not strict notation'],
    ['127.1', 'not strict notation'],
    ['localhost', 'not an address'],
  ])('refuses %s (%s)', (address) => {
    expect(strict.allows(address)).toBe(false);
  });

  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '100.63.255.255',
    '100.128.0.0',
    '172.32.0.1',
    '198.20.0.1',
    '223.255.255.255',
    '192.0.2.10',
    '203.0.113.5',
    '2606:4700:4700::1111',
    '2001:db8::1',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808',
    '2002:808:808::1',
  ])('allows the public (or documentation) address %s', (address) => {
    expect(strict.allows(address)).toBe(true);
  });

  it('allows the networks of EGRESS_ALLOWED_NETWORKS, IPv4-mapped forms included, and nothing more', () => {
    const lab = policyAllowing('127.0.0.0/8, ::1/128');
    expect(['127.0.0.1', '127.9.9.9', '::ffff:127.0.0.1', '::1', '64:ff9b::7f00:1'].map((a) => lab.allows(a))).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['10.0.0.1', '169.254.169.254', '::', 'fd00::1', '0.0.0.0'].map((a) => lab.allows(a))).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it.each(['localhost', 'LocalHost', '0x7f000001', '2130706433', '0177.0.0.1', '127.1', '[::1]', '[::ffff:127.0.0.1]'])(
    'refuses the host %s once resolved (the system resolver reads these spellings as loopback)',
    async (host) => {
      expect(await strict.checkHost(host)).toBe('refused');
      await expect(strict.resolve(host)).rejects.toMatchObject({ code: EGRESS_REFUSED });
    },
  );

  it('tells unresolvable names apart, and allows a name whose addresses are all allowed', async () => {
    expect(await strict.checkHost('no-such-host.invalid')).toBe('unresolvable');
    expect(await policyAllowing('127.0.0.0/8,::1/128').checkHost('localhost')).toBe('allowed');
    expect(await strict.checkHost('203.0.113.5')).toBe('allowed');
  });

  describe('lookup (the check made when connecting)', () => {
    let server: Server;
    let port: number;
    let accepted = 0;

    beforeAll(async () => {
      server = createServer((socket) => {
        accepted++;
        socket.end();
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as AddressInfo).port;
    });
    afterAll(() => new Promise((resolve) => server.close(resolve)));

    const connectWith = (policy: EgressPolicy) =>
      new Promise<void>((resolve, reject) => {
        const socket = connect({ host: 'localhost', port, family: 4, lookup: policy.lookup });
        socket.once('connect', () => {
          socket.destroy();
          resolve();
        });
        socket.once('error', reject);
      });

    it('fails a connection to a name that resolves to a refused address, before any packet is sent', async () => {
      await expect(connectWith(strict)).rejects.toMatchObject({ code: EGRESS_REFUSED });
      expect(accepted).toBe(0);
    });

    it('connects when the address is allowed', async () => {
      await connectWith(policyAllowing('127.0.0.0/8'));
      await new Promise((resolve) => setImmediate(resolve));
      expect(accepted).toBe(1);
    });
  });
});
