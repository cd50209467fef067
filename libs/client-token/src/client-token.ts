/**
 * The client token a browser receives from `POST /v1/client-tokens`: everything the SDK needs to
 * connect, in one opaque-looking string. Shared by the API (which encodes it) and the browser SDK
 * (which decodes it), so it depends on nothing but the platform's base64 and TextEncoder.
 *
 * The token carries SIP digest credentials in the TURN REST API form that Kamailio's auth_ephemeral
 * checks: `username` = `<expiry>:<tokenId>:<user>@<sipDomain>`, `password` = base64(HMAC-SHA256(secret,
 * username)). The edge recomputes the HMAC and checks the expiry, the identity and the revocation list
 * itself; nothing in here is trusted by the server.
 */
export interface ClientTokenClaims {
  /** Format version. */
  readonly v: 1;
  /** Client token id (revocation key). */
  readonly id: string;
  /** The SIP address the client registers: `sip:<user>@<sipDomain>`. */
  readonly uri: string;
  /** Digest username and password for the edge. */
  readonly username: string;
  readonly password: string;
  /** The edge's SIP-over-WebSocket URL. */
  readonly wsUrl: string;
  /** Unix time (seconds) after which the edge refuses the credentials. */
  readonly exp: number;
  /** STUN/TURN servers for the calls (RTCConfiguration.iceServers); absent in tokens issued before they were. */
  readonly iceServers?: readonly ClientTokenIceServer[];
}

/** One entry of RTCConfiguration.iceServers (no DOM types here: the API compiles this too). */
export interface ClientTokenIceServer {
  readonly urls: string | readonly string[];
  readonly username?: string;
  readonly credential?: string;
}

const TOKEN_PREFIX = 'cwt_';

function toBase64Url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(encoded: string): string {
  const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
}

export function encodeClientToken(claims: ClientTokenClaims): string {
  return TOKEN_PREFIX + toBase64Url(JSON.stringify(claims));
}

export class InvalidClientTokenError extends Error {}

function isClaims(value: unknown): value is ClientTokenClaims {
  if (typeof value !== 'object' || value === null) return false;
  const claims = value as Record<string, unknown>;
  return (
    claims.v === 1 &&
    ['id', 'uri', 'username', 'password', 'wsUrl'].every((key) => typeof claims[key] === 'string') &&
    typeof claims.exp === 'number' &&
    (claims.iceServers === undefined || Array.isArray(claims.iceServers))
  );
}

export function decodeClientToken(token: string): ClientTokenClaims {
  if (!token.startsWith(TOKEN_PREFIX)) throw new InvalidClientTokenError('not a Callwire client token');
  let parsed: unknown;
  try {
    parsed = JSON.parse(fromBase64Url(token.slice(TOKEN_PREFIX.length)));
  } catch {
    throw new InvalidClientTokenError('client token is not readable');
  }
  if (!isClaims(parsed)) throw new InvalidClientTokenError('client token has an unknown format');
  return parsed;
}

/**
 * Client identities live in their account's SIP domain under a reserved prefix, so they never collide
 * with SIP users (whose usernames may not start with it): identity `bob` is `sip:client.bob@<sipDomain>`.
 */
export const CLIENT_IDENTITY_PREFIX = 'client.';

export function identitySipUser(identity: string): string {
  return CLIENT_IDENTITY_PREFIX + identity;
}
