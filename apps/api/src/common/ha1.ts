import { createHash } from 'node:crypto';

/**
 * SIP digest HA1 (RFC 2617/3261): md5(username:realm:password). The realm is the account's sipDomain for SIP
 * users, the platform's carrier realm for carriers' inbound credentials.
 */
export function computeHa1(username: string, realm: string, password: string): string {
  return createHash('md5').update(`${username}:${realm}:${password}`).digest('hex');
}
