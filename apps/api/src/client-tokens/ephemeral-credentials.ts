import { createHmac } from 'node:crypto';

/**
 * Time-limited credentials in the TURN REST API form (username starts with the unix expiry, password is
 * the base64 HMAC of the username). Kamailio's auth_ephemeral (SHA-256 here) and coturn's use-auth-secret
 * (SHA-1) verify them with the shared secret alone: nothing to look up, nothing stored.
 */
export function ephemeralPassword(secret: string, username: string, algorithm: 'sha1' | 'sha256'): string {
  return createHmac(algorithm, secret).update(username).digest('base64');
}

export function unixSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}
