import { identityOf, sourceAddressOf, toRegistrationDto, transportOf } from './registration-row.mapper';

describe('registration rows', () => {
  it.each([
    ['sip:192.0.2.10:5060;transport=udp', '192.0.2.10:5060'],
    ['sip:[2001:db8::1]:5062;transport=tcp', '[2001:db8::1]:5062'],
    [null, null],
    ['garbage', null],
  ])('sourceAddressOf(%j) = %j', (received, address) => expect(sourceAddressOf(received)).toBe(address));

  it('takes the transport from the edge socket, WebSocket from the URI', () => {
    expect(transportOf({ socket: 'tcp:127.0.0.1:5060', received: null, contact: 'sip:a@h' })).toBe('tcp');
    expect(transportOf({ socket: null, received: 'sip:1.2.3.4:5;transport=WS', contact: 'sip:a@h' })).toBe('ws');
    expect(
      transportOf({ socket: 'tls:127.0.0.1:8443', received: 'sip:1.2.3.4:5;transport=ws', contact: 'sip:a@h' }),
    ).toBe('wss');
    expect(
      transportOf({ socket: 'tls:127.0.0.1:5061', received: 'sip:1.2.3.4:5;transport=tls', contact: 'sip:a@h' }),
    ).toBe('tls');
    expect(transportOf({ socket: null, received: null, contact: 'sip:a@h' })).toBe('udp');
  });

  it('builds the AoR from username and domain', () => {
    const expiresAt = new Date('2026-01-01T00:00:00Z');
    expect(
      toRegistrationDto({
        id: 7,
        username: 'alice',
        domain: 'acme.example',
        contact: 'sip:alice@10.0.0.2:5060',
        received: 'sip:203.0.113.5:40000;transport=udp',
        socket: 'udp:127.0.0.1:5060',
        userAgent: 'phone',
        expiresAt,
        sipUserId: 'u1',
        clientTokenId: null,
      }),
    ).toEqual({
      aor: 'sip:alice@acme.example',
      contact: 'sip:alice@10.0.0.2:5060',
      transport: 'udp',
      sourceAddress: '203.0.113.5:40000',
      userAgent: 'phone',
      expiresAt,
      sipUserId: 'u1',
      identity: null,
      clientTokenId: null,
    });
  });

  it('names the client identity of a client.<identity> registration', () => {
    expect(identityOf('client.bob')).toBe('bob');
    expect(identityOf('alice')).toBeNull();
  });
});
