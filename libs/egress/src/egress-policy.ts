import { Inject, Injectable } from '@nestjs/common';
import { type LookupAddress, lookup as dnsLookup } from 'node:dns';
import { lookup } from 'node:dns/promises';
import { type LookupFunction, isIP } from 'node:net';
import { CALLWIRE_CONFIG, type CallwireConfig } from '@callwire/config';
import { type Network, isAllowedAddress, parseAddress, parseNetworks } from './address-ranges';
import { EgressRefusedError } from './egress-failure';

/** A name that takes longer than this to resolve when a resource is saved or a gateway probed is unresolvable. */
export const DNS_TIMEOUT_MS = 3000;

/** Whether the platform may call a host: the result of the check made when a resource is saved. */
export type HostCheck = 'allowed' | 'refused' | 'unresolvable';

function withTimeout<T>(promise: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('DNS lookup timed out'), { code: 'ETIMEOUT' })), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Where the platform may send requests (webhooks, application URLs, SIP OPTIONS to gateways): public
 * addresses, and the operator's EGRESS_ALLOWED_NETWORKS. A host name is allowed only when every address it
 * resolves to is; connections then go to the checked addresses, so a name that resolves elsewhere later
 * (DNS rebinding) gains nothing.
 */
@Injectable()
export class EgressPolicy {
  private readonly allowed: readonly Network[];

  constructor(@Inject(CALLWIRE_CONFIG) config: CallwireConfig) {
    this.allowed = parseNetworks(config.egress.allowedNetworks);
  }

  /** True for an IP address the platform may connect to (strict notation; anything else is refused). */
  allows(address: string): boolean {
    const parsed = parseAddress(address);
    return parsed !== null && isAllowedAddress(parsed, this.allowed);
  }

  /**
   * The addresses of a host (an IP address, bracketed or not, is its own), each checked. Rejects with
   * EgressRefusedError when any is refused, with the resolver's error (ENOTFOUND, ETIMEOUT …) otherwise.
   */
  async resolve(host: string): Promise<LookupAddress[]> {
    const bare = host.replace(/^\[(.*)\]$/, '$1');
    const family = isIP(bare);
    const addresses =
      family === 0 ? await withTimeout(lookup(bare, { all: true }), DNS_TIMEOUT_MS) : [{ address: bare, family }];
    this.check(addresses);
    return addresses;
  }

  async checkHost(host: string): Promise<HostCheck> {
    try {
      await this.resolve(host);
      return 'allowed';
    } catch (error) {
      return error instanceof EgressRefusedError ? 'refused' : 'unresolvable';
    }
  }

  /**
   * A `lookup` for net/tls connections (and undici's connector): dns.lookup, failing with EgressRefusedError
   * unless every address is allowed. The socket connects to the addresses it returns, and only to them.
   */
  readonly lookup: LookupFunction = (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '');
      try {
        this.check(addresses);
      } catch (refused) {
        return callback(refused as EgressRefusedError, '');
      }
      const [first] = addresses;
      if (options.all || !first) return callback(null, addresses);
      callback(null, first.address, first.family);
    });
  };

  private check(addresses: readonly LookupAddress[]): void {
    if (addresses.length === 0 || !addresses.every(({ address }) => this.allows(address))) {
      throw new EgressRefusedError();
    }
  }
}
