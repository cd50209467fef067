import { sipDomainOf, targetToSipUri } from './target-uri';

describe('targetToSipUri', () => {
  const domain = 'acme.callwire.localhost';

  it('puts a bare user in the caller’s domain', () => {
    expect(targetToSipUri('bob', domain)).toBe('sip:bob@acme.callwire.localhost');
  });

  it('maps client:<identity> to the reserved client user', () => {
    expect(targetToSipUri('client:bob', domain)).toBe('sip:client.bob@acme.callwire.localhost');
  });

  it('keeps full SIP URIs and adds the scheme to user@host', () => {
    expect(targetToSipUri('sip:carol@example.com;transport=tcp', domain)).toBe('sip:carol@example.com;transport=tcp');
    expect(targetToSipUri('sips:carol@example.com', domain)).toBe('sips:carol@example.com');
    expect(targetToSipUri('carol@example.com', domain)).toBe('sip:carol@example.com');
  });

  it('ignores surrounding whitespace', () => {
    expect(targetToSipUri('  bob \n', domain)).toBe('sip:bob@acme.callwire.localhost');
  });

  it.each(['', '   ', 'bo b', 'client:'])('rejects %j', (target) => {
    expect(() => targetToSipUri(target, domain)).toThrow(/Invalid call target/);
  });
});

describe('sipDomainOf', () => {
  it('reads the domain of a SIP address, without parameters', () => {
    expect(sipDomainOf('sip:alice@acme.callwire.localhost')).toBe('acme.callwire.localhost');
    expect(sipDomainOf('sip:client.bob@acme.callwire.localhost;transport=ws')).toBe('acme.callwire.localhost');
  });

  it.each(['alice@acme.localhost', 'sip:alice', 'sip:alice@'])('rejects %j', (uri) => {
    expect(() => sipDomainOf(uri)).toThrow(/Not a SIP address/);
  });
});
