import { type CallHandler, type ExecutionContext, Inject, Injectable, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
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
 * Per source, key and account, once the guards know who is calling (runs after them, before the handler): one
 * Redis round trip counts the request against each policy (and checks the source's block); 429 past a limit.
 */
@Injectable()
export class PrincipalLimitsInterceptor implements NestInterceptor {
  private readonly perKey: number;

  constructor(
    @Inject(CALLWIRE_CONFIG) config: CallwireConfig,
    private readonly store: RateLimitStore,
    private readonly accountLimits: AccountRequestLimits,
    private readonly sources: SourceLimits,
  ) {
    this.perKey = config.rateLimits.perKeyPerSecond;
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest & { user?: Principal }>();
    const principal = request.user;
    if (!principal) return next.handle();
    // Not counted before routing (it presented credentials): its source is counted, and its block checked, here.
    const sourceToCount = !isCounted(request);
    const counted: Counted[] = sourceToCount ? [...this.sources.perIp] : [];
    const counters = sourceToCount ? this.sources.counters(request.ip) : [];
    if (this.perKey > 0) {
      counted.push({ policy: 'key', limit: this.perKey });
      counters.push(`key:${keyOf(principal)}`);
    }
    const accountLimit = principal.kind === 'account' ? await this.accountLimits.perSecond(principal.accountId) : 0;
    if (principal.kind === 'account' && accountLimit > 0) {
      counted.push({ policy: 'account', limit: accountLimit });
      counters.push(`account:${principal.accountId}`);
    }
    markCounted(request);
    if (counters.length > 0 || sourceToCount) {
      const admission = await this.store.admit(request.ip, counters);
      if (admission) this.sources.apply(request, http.getResponse<FastifyReply>(), counted, admission);
    }
    return next.handle();
  }
}
