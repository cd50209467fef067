import { type ClientTokenClaims, decodeClientToken, encodeClientToken } from '@callwire/client-token';
import { ephemeralPassword } from '../../apps/api/src/client-tokens/ephemeral-credentials';
import type { ApiHarness } from './api-harness';

export interface IssuedClientToken {
  readonly id: string;
  readonly token: string;
  readonly sipUri: string;
  readonly iceServers: { urls: string[]; username?: string; credential?: string }[];
}

/** A client token from the API (POST /v1/client-tokens). */
export async function issueClientToken(
  api: ApiHarness,
  key: string,
  body: { identity?: string; sipUserId?: string; ttlSeconds?: number },
): Promise<IssuedClientToken> {
  const response = await api.request<IssuedClientToken>('POST', '/v1/client-tokens', { key, body });
  if (response.status !== 201) throw new Error(`client token: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/**
 * An API-issued client token for `identity` that names this edge's WSS port: an API started before the edge (which
 * asks it for routes) issues tokens naming the default one. The credentials, which the edge checks, stay as issued.
 */
export async function clientTokenForEdge(
  api: ApiHarness,
  key: string,
  identity: string,
  wssPort: number,
): Promise<string> {
  const { token } = await issueClientToken(api, key, { identity });
  return encodeClientToken({ ...decodeClientToken(token), wsUrl: `wss://127.0.0.1:${wssPort}` });
}

/**
 * The same token re-signed with a shorter lifetime than the API allows (60 s minimum), with the edge's
 * real secret: lets a test watch a refresh or an expiry within seconds. The edge checks it as any other.
 */
export function withLifetime(token: string, seconds: number): { token: string; claims: ClientTokenClaims } {
  const claims = decodeClientToken(token);
  const exp = Math.floor(Date.now() / 1000) + seconds;
  const username = `${exp}:${claims.username.split(':').slice(1).join(':')}`;
  const password = ephemeralPassword(process.env.CLIENT_TOKEN_SECRET ?? '', username, 'sha256');
  const shorter = { ...claims, username, password, exp };
  return { token: encodeClientToken(shorter), claims: shorter };
}
