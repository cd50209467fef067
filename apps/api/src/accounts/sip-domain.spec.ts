import { SIP_DOMAIN_PATTERN, deriveSipDomain, slugify } from './sip-domain';

describe('sip domains', () => {
  it.each([
    ['Acme Inc', 'acme-inc'],
    ['  Café Ünïcode  ', 'cafe-unicode'],
    ['---', 'account'],
    ['日本', 'account'],
    ['a'.repeat(80), 'a'.repeat(40)],
  ])('slugify(%j) = %j', (name, slug) => expect(slugify(name)).toBe(slug));

  it('derives <slug>.<suffix>, with a random tag on retries', () => {
    expect(deriveSipDomain('Acme Inc', 'callwire.localhost')).toBe('acme-inc.callwire.localhost');
    expect(deriveSipDomain('Acme Inc', 'callwire.localhost', 1)).toMatch(/^acme-inc-[0-9a-f]{6}\.callwire\.localhost$/);
  });

  it('derived domains are valid hostnames', () => {
    for (const name of ['Acme Inc', '---', 'x'.repeat(100), 'Ünïcode & Co.']) {
      expect(deriveSipDomain(name, 'callwire.localhost', 1)).toMatch(SIP_DOMAIN_PATTERN);
    }
  });
});
