import { CLIENT_IDENTITY_PREFIX } from '@callwire/client-token';
import type { RegistrationDto } from './dto/registration.dto';
import type { RegistrationRow } from '@callwire/database';

/** `sip:192.0.2.10:5060;transport=udp` → `192.0.2.10:5060` (IPv6 stays bracketed). */
export function sourceAddressOf(received: string | null): string | null {
  const match = received ? /^sips?:([^;>]+)/i.exec(received) : null;
  return match?.[1] ?? null;
}

/**
 * The transport the device registered over. The edge socket says udp/tcp/tls; a WebSocket client shows
 * as transport=ws in `received`, and over a TLS socket that is WSS.
 */
export function transportOf(row: Pick<RegistrationRow, 'socket' | 'received' | 'contact'>): string {
  const socketProto = row.socket ? /^([a-z]+):/i.exec(row.socket)?.[1]?.toLowerCase() : undefined;
  const uriProto = /;transport=([a-z]+)/i.exec(row.received ?? row.contact)?.[1]?.toLowerCase();
  if (uriProto === 'ws' || uriProto === 'wss') return socketProto === 'tls' || uriProto === 'wss' ? 'wss' : 'ws';
  return socketProto ?? uriProto ?? 'udp';
}

/** `client.bob` → `bob`: client identities are registered under the reserved prefix. */
export function identityOf(username: string): string | null {
  return username.startsWith(CLIENT_IDENTITY_PREFIX) ? username.slice(CLIENT_IDENTITY_PREFIX.length) : null;
}

export function toRegistrationDto(row: RegistrationRow): RegistrationDto {
  return {
    aor: `sip:${row.username}@${row.domain}`,
    contact: row.contact,
    transport: transportOf(row),
    sourceAddress: sourceAddressOf(row.received),
    userAgent: row.userAgent,
    expiresAt: row.expiresAt,
    sipUserId: row.sipUserId,
    identity: identityOf(row.username),
    clientTokenId: row.clientTokenId,
  };
}
