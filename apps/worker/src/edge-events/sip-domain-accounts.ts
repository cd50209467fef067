import { Injectable } from '@nestjs/common';
import { AccountsRepository } from '@callwire/database';

/** An account's sipDomain never changes, so its id is remembered for a while (misses are not). */
const CACHE_MS = 60_000;

/** Edge events name their account by SIP domain: which account is that (read once a minute per domain). */
@Injectable()
export class SipDomainAccounts {
  private readonly cache = new Map<string, { id: string; until: number }>();

  constructor(private readonly accounts: AccountsRepository) {}

  async idOf(sipDomain: string): Promise<string | null> {
    const cached = this.cache.get(sipDomain);
    if (cached && cached.until > Date.now()) return cached.id;
    const id = await this.accounts.findIdBySipDomain(sipDomain);
    if (id) this.cache.set(sipDomain, { id, until: Date.now() + CACHE_MS });
    return id;
  }
}
