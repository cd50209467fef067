import { normalizeHost, parseCidr } from './network-address';

describe('parseCidr', () => {
  it.each([
    ['203.0.113.0/24', '203.0.113.0/24'],
    ['198.51.100.7', '198.51.100.7/32'],
    ['0.0.0.0/0', '0.0.0.0/0'],
    ['203.0.113.128/25', '203.0.113.128/25'],
    ['2001:DB8:0:0::/32', '2001:db8::/32'],
    ['2001:db8::5', '2001:db8::5/128'],
    ['2001:db8:8000::/33', '2001:db8:8000::/33'],
    ['::ffff:192.0.2.0/120', '::ffff:192.0.2.0/120'],
    ['::/0', '::/0'],
  ])('accepts %s as %s', (text, cidr) => {
    expect(parseCidr(text)).toEqual({ cidr });
  });

  it.each([
    ['203.0.113.7/24', /network is 203\.0\.113\.0\/24/],
    ['203.0.113.129/25', /network is 203\.0\.113\.128\/25/],
    ['2001:db8::1/64', /network is 2001:db8::\/64/],
    ['2001:db8:8000::/32', /network is 2001:db8::\/32/],
    ['203.0.113.0/33', /prefix length from 0 to 32/],
    ['2001:db8::/129', /prefix length from 0 to 128/],
    ['203.0.113.0/', /prefix length/],
    ['203.0.113.0/08', /prefix length/],
    ['203.0.113.0/24/1', /IPv4 or IPv6/],
    ['203.0.113.300', /IPv4 or IPv6/],
    ['fe80::1%eth0', /IPv4 or IPv6/],
    ['example.com', /IPv4 or IPv6/],
    ['', /IPv4 or IPv6/],
  ])('refuses %s', (text, message) => {
    const parsed = parseCidr(text);
    expect('error' in parsed && parsed.error).toMatch(message);
  });
});

describe('normalizeHost', () => {
  it.each([
    ['SIP.Carrier.Example', 'sip.carrier.example'],
    ['localhost', 'localhost'],
    ['192.0.2.10', '192.0.2.10'],
    ['2001:DB8::10', '2001:db8::10'],
    ['[2001:db8:0::10]', '2001:db8::10'],
  ])('%s → %s', (text, host) => {
    expect(normalizeHost(text)).toBe(host);
  });

  it.each(['bad host', 'a..b', '-a.example', 'under_score.example', '[192.0.2.10]', '[nope]', '192.0.2.300', ''])(
    'refuses %j',
    (text) => {
      expect(normalizeHost(text)).toBeNull();
    },
  );
});
