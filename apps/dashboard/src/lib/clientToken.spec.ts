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
  const token = (id: string, identity: string) => ({
    id,
    identity,
    sipUserId: null,
    sipUri: `sip:${identity}@acme.example`,
    createdAt: '2026-11-21T14:00:00Z',
    expiresAt: '2026-11-21T15:00:00Z',
  });
  const registration = (clientTokenId: string | null): Registration => ({
    aor: 'sip:client.bob@acme.example',
    contact: 'sip:x@192.0.2.1:5060',
    transport: 'wss',
    sourceAddress: null,
    userAgent: 'Callwire',
    expiresAt: '2026-11-21T15:00:00Z',
    sipUserId: null,
    identity: 'bob',
    clientTokenId,
  });

  it('counts the registrations made with each listed token, in the list order', () => {
    const rows = tokenRows(
      [token('t1', 'client.bob'), token('t2', 'alice')],
      [registration('t1'), registration('t1'), registration(null), registration('gone')],
    );
    expect(rows.map((row) => [row.id, row.contacts])).toEqual([
      ['t1', 2],
      ['t2', 0],
    ]);
    expect(rows[0]).toMatchObject(token('t1', 'client.bob'));
  });
});
