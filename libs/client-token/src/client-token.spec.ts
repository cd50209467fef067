import { InvalidClientTokenError, decodeClientToken, encodeClientToken } from './client-token';

const claims = {
  v: 1 as const,
  id: '0190b6c4-0000-7000-8000-000000000001',
  uri: 'sip:client.bob@acme.callwire.localhost',
  username: '1767225600:0190b6c4-0000-7000-8000-000000000001:client.bob@acme.callwire.localhost',
  password: 'c2VjcmV0',
  wsUrl: 'wss://edge.example.com:8443',
  exp: 1_767_225_600,
};

describe('client token format', () => {
  it('carries the iceServers to the SDK', () => {
    const iceServers = [
      { urls: ['stun:edge.example.com:3478'] },
      { urls: ['turn:edge.example.com:3478?transport=udp'], username: '1767225600:x', credential: 'c3Vu' },
    ];
    expect(decodeClientToken(encodeClientToken({ ...claims, iceServers }))).toEqual({ ...claims, iceServers });
  });

  it('still reads tokens without iceServers', () => {
    expect(decodeClientToken(encodeClientToken(claims)).iceServers).toBeUndefined();
  });

  it('refuses iceServers that are not a list', () => {
    const token = `cwt_${Buffer.from(JSON.stringify({ ...claims, iceServers: 'stun:x' })).toString('base64url')}`;
    expect(() => decodeClientToken(token)).toThrow(InvalidClientTokenError);
  });
});
