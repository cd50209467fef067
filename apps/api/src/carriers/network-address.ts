import { SocketAddress, isIP } from 'node:net';
import { isFQDN } from 'class-validator';

/** The canonical text of an IP address (RFC 5952 for IPv6), or null. Zone ids (`fe80::1%eth0`) are refused. */
function canonicalIp(text: string): { readonly address: string; readonly family: 4 | 6 } | null {
  const family = isIP(text);
  if (family === 4) return { address: text, family };
  if (family === 6 && !text.includes('%')) {
    return { address: new SocketAddress({ address: text, family: 'ipv6' }).address, family };
  }
  return null;
}

/** The 16 bytes of an IPv6 address already checked by isIP (`::` and an IPv4 tail allowed). */
function ipv6Bytes(address: string): Buffer {
  let text = address;
  const ipv4Tail = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (ipv4Tail) {
    const [a, b, c, d] = ipv4Tail.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, ipv4Tail.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const groupsOf = (part: string) => (part === '' ? [] : part.split(':'));
  const before = groupsOf(head);
  const after = tail === undefined ? [] : groupsOf(tail);
  const groups = [...before, ...Array<string>(8 - before.length - after.length).fill('0'), ...after];
  const bytes = Buffer.alloc(16);
  groups.forEach((group, index) => bytes.writeUInt16BE(parseInt(group, 16), index * 2));
  return bytes;
}

function addressBytes(ip: { readonly address: string; readonly family: 4 | 6 }): Buffer {
  return ip.family === 4 ? Buffer.from(ip.address.split('.').map(Number)) : ipv6Bytes(ip.address);
}

/** The address with every bit after the first prefixLength set to 0. */
function networkOf(bytes: Buffer, prefixLength: number): Buffer {
  return Buffer.from(
    bytes.map((byte, index) => {
      const maskBits = Math.min(8, Math.max(0, prefixLength - index * 8));
      return byte & ((0xff00 >> maskBits) & 0xff);
    }),
  );
}

function addressText(bytes: Buffer, family: 4 | 6): string {
  if (family === 4) return bytes.join('.');
  const groups = Array.from({ length: 8 }, (_, index) => bytes.readUInt16BE(index * 2).toString(16));
  return new SocketAddress({ address: groups.join(':'), family: 'ipv6' }).address;
}

export type CidrParse = { readonly cidr: string } | { readonly error: string };

/**
 * A source-address rule: a CIDR (`203.0.113.0/24`, `2001:db8::/32`) or a bare address, which means that
 * address alone (`/32`, `/128`). Canonical form out; a CIDR with host bits set is refused (PostgreSQL's
 * `cidr` refuses it too), with the network it probably meant.
 */
export function parseCidr(text: string): CidrParse {
  const [addressPart = '', prefixPart, ...extra] = text.trim().split('/');
  const ip = canonicalIp(addressPart);
  if (!ip || extra.length > 0) return { error: 'must be an IPv4 or IPv6 address or CIDR (e.g. 203.0.113.0/24)' };
  const maxLength = ip.family === 4 ? 32 : 128;
  if (prefixPart === undefined) return { cidr: `${ip.address}/${maxLength}` };
  if (!/^(0|[1-9][0-9]{0,2})$/.test(prefixPart) || Number(prefixPart) > maxLength) {
    return { error: `must have a prefix length from 0 to ${maxLength}` };
  }
  const prefixLength = Number(prefixPart);
  const bytes = addressBytes(ip);
  const network = networkOf(bytes, prefixLength);
  if (!network.equals(bytes)) {
    return { error: `has host bits set: the network is ${addressText(network, ip.family)}/${prefixLength}` };
  }
  return { cidr: `${ip.address}/${prefixLength}` };
}

/**
 * A SIP host: a hostname (lower-cased), an IPv4 address or an IPv6 address (given with or without the
 * brackets of SIP URIs, stored without, in canonical form). Null when it is none of these.
 */
export function normalizeHost(text: string): string | null {
  const bracketed = /^\[(.*)\]$/.exec(text);
  const ip = canonicalIp(bracketed ? (bracketed[1] ?? '') : text);
  if (ip) return bracketed && ip.family === 4 ? null : ip.address;
  if (bracketed) return null;
  return isFQDN(text, { require_tld: false, allow_underscores: false }) ? text.toLowerCase() : null;
}
