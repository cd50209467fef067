import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;
export type Network = [Address, number];

const network = (cidr: string): Network => ipaddr.parseCIDR(cidr);

/**
 * IPv4 networks that are not the public Internet (IANA special-purpose registry): the platform calls none of
 * them unless the operator allows it. The documentation networks (192.0.2.0/24, 198.51.100.0/24,
 * 203.0.113.0/24) are not internal and are not refused.
 */
const INTERNAL_IPV4: readonly Network[] = [
  '0.0.0.0/8', // "this network": 0.0.0.0 reaches the local host
  '10.0.0.0/8', // private
  '100.64.0.0/10', // carrier-grade NAT
  '127.0.0.0/8', // loopback
  '169.254.0.0/16', // link-local, cloud metadata (169.254.169.254)
  '172.16.0.0/12', // private
  '192.0.0.0/24', // IETF protocol assignments
  '192.88.99.0/24', // 6to4 relay anycast
  '192.168.0.0/16', // private
  '198.18.0.0/15', // benchmarking
  '224.0.0.0/4', // multicast
  '240.0.0.0/4', // reserved, and the broadcast address 255.255.255.255
].map(network);

/** Only global unicast IPv6 is public: this excludes ::, ::1, fc00::/7, fe80::/10, fec0::/10, ff00::/8, 64:ff9b:1::/48 … */
const GLOBAL_UNICAST_IPV6 = network('2000::/3');
/** Inside 2000::/3 but not public: IETF protocol assignments (Teredo 2001::/32, benchmarking, ORCHID …). */
const INTERNAL_IPV6: readonly Network[] = ['2001::/23'].map(network);

/** IPv6 addresses that carry an IPv4 address: they reach that IPv4 address, so they are judged as it. */
const IPV4_MAPPED = network('::ffff:0:0/96');
const NAT64 = network('64:ff9b::/96'); // RFC 6052 well-known prefix: a NAT64 gateway forwards to the IPv4 address
const SIX_TO_FOUR = network('2002::/16'); // 6to4: the IPv4 address is in bits 16 to 47

/** The IPv4 address an IPv6 address stands for (mapped, NAT64, 6to4), or null. */
function embeddedIpv4(address: ipaddr.IPv6): ipaddr.IPv4 | null {
  const bytes = address.toByteArray();
  if (address.match(IPV4_MAPPED) || address.match(NAT64)) return new ipaddr.IPv4(bytes.slice(12));
  if (address.match(SIX_TO_FOUR)) return new ipaddr.IPv4(bytes.slice(2, 6));
  return null;
}

function inAny(address: Address, networks: readonly Network[]): boolean {
  return networks.some(([base, prefix]) => base.kind() === address.kind() && address.match(base, prefix));
}

/** An IP address in strict notation (`127.1`, `0x7f000001` or a zone id are not addresses here), or null. */
export function parseAddress(text: string): Address | null {
  return isIP(text) === 0 ? null : ipaddr.parse(text);
}

/**
 * True when the platform may connect to the address: a public one, or one inside `allowed` (the operator's
 * EGRESS_ALLOWED_NETWORKS). An IPv6 address carrying an IPv4 address is judged as that IPv4 address.
 */
export function isAllowedAddress(address: Address, allowed: readonly Network[]): boolean {
  if (inAny(address, allowed)) return true;
  if (address instanceof ipaddr.IPv4) return !inAny(address, INTERNAL_IPV4);
  const ipv4 = embeddedIpv4(address);
  if (ipv4) return isAllowedAddress(ipv4, allowed);
  return address.match(GLOBAL_UNICAST_IPV6) && !inAny(address, INTERNAL_IPV6);
}

/** CIDRs as EGRESS_ALLOWED_NETWORKS lists them (validated by the configuration). */
export function parseNetworks(cidrs: readonly string[]): Network[] {
  return cidrs.map(network);
}
