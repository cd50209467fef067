// Issuing client tokens (POST /v1/client-tokens), listing them, and opening the demo softphone with one.
import type { ClientTokenRequest, ClientTokenSummary, Registration } from '../api/types';

export interface TokenRequest {
  /** A SIP user's id, or "" for none. */
  readonly sipUserId: string;
  readonly identity: string;
}

export const EMPTY_TOKEN_REQUEST: TokenRequest = { sipUserId: '', identity: '' };

/** The request body: the SIP user and/or the identity given (the API wants exactly one), and the lifetime. */
export function tokenRequestBody(request: TokenRequest, ttlSeconds?: number): ClientTokenRequest {
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

export interface TokenRow extends ClientTokenSummary {
  /** How many of the account's registrations use the token. */
  readonly contacts: number;
}

/** The account's live tokens, each with the number of devices registered with it. */
export function tokenRows(tokens: readonly ClientTokenSummary[], registrations: readonly Registration[]): TokenRow[] {
  const contacts = new Map<string, number>();
  for (const { clientTokenId } of registrations) {
    if (clientTokenId) contacts.set(clientTokenId, (contacts.get(clientTokenId) ?? 0) + 1);
  }
  return tokens.map((token) => ({ ...token, contacts: contacts.get(token.id) ?? 0 }));
}
