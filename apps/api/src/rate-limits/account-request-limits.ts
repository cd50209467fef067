import { Inject, Injectable } from '@nestjs/common';
import { CALLWIRE_CONFIG, type CallwireConfig } from '@callwire/config';
import { AccountsRepository } from '@callwire/database';

/** An admin's change of an account's requests/s reaches every API process within this time. */
export const ACCOUNT_LIMIT_CACHE_MS = 5000;

/** Each account's requests per second (its own or the platform default), read at most every few seconds. */
@Injectable()
export class AccountRequestLimits {
  private readonly cache = new Map<string, { perSecond: number; until: number }>();
  private readonly defaultPerSecond: number;

  constructor(
    @Inject(CALLWIRE_CONFIG) config: CallwireConfig,
    private readonly accounts: AccountsRepository,
  ) {
    this.defaultPerSecond = config.rateLimits.perAccountPerSecond;
  }

  /** 0: not limited. */
  async perSecond(accountId: string, now = Date.now()): Promise<number> {
    const cached = this.cache.get(accountId);
    if (cached && cached.until > now) return cached.perSecond;
    const own = await this.accounts.findRequestsPerSecond(accountId);
    const perSecond = own ?? this.defaultPerSecond;
    this.cache.set(accountId, { perSecond, until: now + ACCOUNT_LIMIT_CACHE_MS });
    return perSecond;
  }
}
