// Issuing client tokens (POST /v1/client-tokens), listing them, and opening the demo softphone with one.
import type { ClientToken, Registration } from '../api/types';

export interface TokenRequest {
  /** A SIP user's id, or "" for none. */
  readonly sipUserId: string;
  readonly identity: string;
}

export const EMPTY_TOKEN_REQUEST: TokenRequest = { sipUserId: '', identity: '' };

/** The request body: the SIP user and/or the identity given (the API wants exactly one), and the lifetime. */
export function tokenRequestBody(request: TokenRequest, ttlSeconds?: number): Record<string, unknown> {
  return {
    ...(request.sipUserId ? { sipUserId: request.sipUserId } : {}),
    ...(request.identity.trim() ? { identity: request.identity.trim() } : {}),
    ...(ttlSeconds !== undefined ? { ttlSeconds } : {}),
  };
}

/** The demo softphone (served by the API at /phone), its form pre-filled with the token. */
export function phonePageUrl(token: string): string {
  return `/phone?token=${encodeURIComponent(token)}`;
}

/** What the dashboard remembers of a token it issued (not the token itself). */
export type IssuedToken = Pick<ClientToken, 'id' | 'identity' | 'sipUri' | 'expiresAt'>;

export interface TokenRow {
  readonly id: string;
  readonly identity: string;
  readonly issued: IssuedToken | undefined;
  /** How many of the account's registrations use the token. */
  readonly contacts: number;
}

/** The tokens issued here, and those devices are registered with (the API has no list of tokens). */
export function tokenRows(issued: readonly IssuedToken[], registrations: readonly Registration[]): TokenRow[] {
  const rows = new Map<string, TokenRow>(
    issued.map((token) => [token.id, { id: token.id, identity: token.identity, issued: token, contacts: 0 }]),
  );
  for (const registration of registrations) {
    if (!registration.clientTokenId) continue;
    const row = rows.get(registration.clientTokenId);
    rows.set(registration.clientTokenId, {
      id: registration.clientTokenId,
      identity: row?.identity ?? registration.identity ?? registration.aor,
      issued: row?.issued,
      contacts: (row?.contacts ?? 0) + 1,
    });
  }
  return [...rows.values()];
}
