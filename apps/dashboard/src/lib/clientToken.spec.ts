import type { Registration } from '../api/types';
import { EMPTY_TOKEN_REQUEST, phonePageUrl, tokenRequestBody, tokenRows } from './clientToken';

describe('tokenRequestBody', () => {
  it('sends the SIP user or the identity given', () => {
    expect(tokenRequestBody({ sipUserId: 'u1', identity: '' })).toEqual({ sipUserId: 'u1' });
    expect(tokenRequestBody({ sipUserId: '', identity: ' bob ' })).toEqual({ identity: 'bob' });
  });

  it('sends both or neither as given (the API says which it wants) and the lifetime when set', () => {
    expect(tokenRequestBody({ sipUserId: 'u1', identity: 'bob' }, 600)).toEqual({
      sipUserId: 'u1',
      identity: 'bob',
      ttlSeconds: 600,
    });
    expect(tokenRequestBody(EMPTY_TOKEN_REQUEST)).toEqual({});
  });
});

describe('phonePageUrl', () => {
  it('passes the token as ?token=, encoded', () => {
    expect(phonePageUrl('a.b+c/d=')).toBe('/phone?token=a.b%2Bc%2Fd%3D');
  });
});

describe('tokenRows', () => {
  const issued = { id: 't1', identity: 'alice', sipUri: 'sip:alice@acme.example', expiresAt: '2026-11-21T15:00:00Z' };
  const registration = (clientTokenId: string | null, identity: string | null): Registration => ({
    aor: `sip:${identity ?? 'carol'}@acme.example`,
    contact: 'sip:x@192.0.2.1:5060',
    transport: 'wss',
    sourceAddress: null,
    userAgent: 'Callwire',
    expiresAt: '2026-11-21T15:00:00Z',
    sipUserId: null,
    identity,
    clientTokenId,
  });

  it('lists the issued tokens and counts their registrations', () => {
    expect(tokenRows([issued], [registration('t1', 'alice'), registration('t1', 'alice')])).toEqual([
      { id: 't1', identity: 'alice', issued, contacts: 2 },
    ]);
  });

  it('adds the tokens that devices registered with, and skips registrations without a token', () => {
    expect(tokenRows([], [registration('t2', 'client.bob'), registration(null, null)])).toEqual([
      { id: 't2', identity: 'client.bob', issued: undefined, contacts: 1 },
    ]);
    expect(tokenRows([], [registration('t3', null)])[0].identity).toBe('sip:carol@acme.example');
  });
});
