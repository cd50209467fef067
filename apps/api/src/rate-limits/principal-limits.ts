import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '@callwire/auth';
import { CALLWIRE_CONFIG, type CallwireConfig } from '@callwire/config';
import { AccountRequestLimits } from './account-request-limits';
import { RateLimitStore } from './rate-limit.store';
import { type Counted, isCounted, markCounted } from './request-quotas';
import { SourceLimits } from './source-limits';

/** Who a principal's requests are counted as: its API key, else its dashboard session, else the admin key. */
function keyOf(principal: Principal): string {
  if (principal.kind === 'account') return principal.apiKeyId;
  return principal.sessionId ? `session:${principal.sessionId}` : 'admin';
}

/**
 * Per source, key and account, once the guard has authenticated the caller (like @nestjs/throttler's guard, so
 * no interceptor runs per request): one Redis round trip counts the request against each policy and checks the
 * source's block; 429 past a limit.
 */
@Injectable()
export class PrincipalLimits {
  private readonly perKey: number;

  constructor(
    @Inject(CALLWIRE_CONFIG) config: CallwireConfig,
    private readonly store: RateLimitStore,
    private readonly accountLimits: AccountRequestLimits,
    private readonly sources: SourceLimits,
  ) {
    this.perKey = config.rateLimits.perKeyPerSecond;
  }

  /** Throws the 429 problem when a limit is exceeded; otherwise writes the RateLimit fields. */
  async check(request: FastifyRequest, reply: FastifyReply, principal: Principal): Promise<void> {
    if (isCounted(request)) return; // counted before routing (no credentials) or by an earlier guard
    markCounted(request);
    // It presented credentials, so it was not counted before routing: its source is counted, and its block
    // checked, in this round trip.
    const counted: Counted[] = [...this.sources.perIp];
    const counters = this.sources.counters(request.ip);
    if (this.perKey > 0) {
      counted.push({ policy: 'key', limit: this.perKey });
      counters.push(`key:${keyOf(principal)}`);
    }
    const accountLimit = principal.kind === 'account' ? await this.accountLimits.perSecond(principal.accountId) : 0;
    if (principal.kind === 'account' && accountLimit > 0) {
      counted.push({ policy: 'account', limit: accountLimit });
      counters.push(`account:${principal.accountId}`);
    }
    const admission = await this.store.admit(request.ip, counters);
    if (admission) this.sources.apply(request, reply, counted, admission);
  }
}
