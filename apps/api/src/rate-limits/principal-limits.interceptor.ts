import { type CallHandler, type ExecutionContext, Inject, Injectable, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import type { Principal } from '@callwire/auth';
import { CALLWIRE_CONFIG, type CallwireConfig } from '@callwire/config';
import { AccountRequestLimits } from './account-request-limits';
import { RateLimitStore } from './rate-limit.store';
import { type Counted, applyQuotas } from './request-quotas';

/** Who a principal's requests are counted as: its API key, else its dashboard session, else the admin key. */
function keyOf(principal: Principal): string {
  if (principal.kind === 'account') return principal.apiKeyId;
  return principal.sessionId ? `session:${principal.sessionId}` : 'admin';
}

/**
 * Per key and per account, once the guards know who is calling (runs after them, before the handler):
 * counts the request in Redis and refuses it with 429 past a limit.
 */
@Injectable()
export class PrincipalLimitsInterceptor implements NestInterceptor {
  private readonly perKey: number;

  constructor(
    @Inject(CALLWIRE_CONFIG) config: CallwireConfig,
    private readonly store: RateLimitStore,
    private readonly accountLimits: AccountRequestLimits,
  ) {
    this.perKey = config.rateLimits.perKeyPerSecond;
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest & { user?: Principal }>();
    const principal = request.user;
    if (principal) {
      const counted: Counted[] = [];
      const counters: string[] = [];
      if (this.perKey > 0) {
        counted.push({ policy: 'key', limit: this.perKey });
        counters.push(`key:${keyOf(principal)}`);
      }
      const accountLimit = principal.kind === 'account' ? await this.accountLimits.perSecond(principal.accountId) : 0;
      if (principal.kind === 'account' && accountLimit > 0) {
        counted.push({ policy: 'account', limit: accountLimit });
        counters.push(`account:${principal.accountId}`);
      }
      const admission = counters.length > 0 ? await this.store.admit(request.ip, counters) : null;
      if (admission && 'counts' in admission) {
        applyQuotas(request, http.getResponse<FastifyReply>(), counted, admission.counts);
      }
    }
    return next.handle();
  }
}
