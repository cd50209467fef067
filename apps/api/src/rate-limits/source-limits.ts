import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CALLWIRE_CONFIG, type CallwireConfig } from '@callwire/config';
import type { Admission } from './rate-limit.store';
import { type Counted, applyQuotas, refuseBlockedSource } from './request-quotas';
import { SourceRefusals } from './source-refusals';

/**
 * The per-source-address policy, and what this process learned about refused sources. Every answer from Redis
 * that refuses a source is remembered until its block or window ends, so the source's next requests here are
 * refused before a Redis round trip or a key lookup.
 */
@Injectable()
export class SourceLimits {
  readonly perIp: readonly Counted[];
  private readonly refusals = new SourceRefusals();

  constructor(@Inject(CALLWIRE_CONFIG) config: CallwireConfig) {
    const limit = config.rateLimits.perIpPerSecond;
    this.perIp = limit > 0 ? [{ policy: 'ip', limit }] : [];
  }

  /** The Redis counters of the per-source policy (none when it is off). */
  counters(sourceIp: string): string[] {
    return this.perIp.map(() => `ip:${sourceIp}`);
  }

  /** 429 for a source this process already knows is refused; otherwise nothing. */
  refuseKnown(request: FastifyRequest, reply: FastifyReply): void {
    const known = this.refusals.check(request.ip);
    if (!known) return;
    if (known.refusal.reason === 'blocked') refuseBlockedSource(reply, known.leftMs);
    const { limit } = known.refusal;
    applyQuotas(request, reply, [{ policy: 'ip', limit }], [{ count: limit + 1, resetMs: known.leftMs }]);
  }

  /** Remembers what Redis's answer for `counted` (in order) says about the source: blocked, or over its limit. */
  learn(sourceIp: string, counted: readonly Counted[], admission: Admission): void {
    if ('blockedMs' in admission) {
      this.refusals.remember(sourceIp, { reason: 'blocked' }, admission.blockedMs);
      return;
    }
    counted.forEach(({ policy, limit }, i) => {
      const count = admission.counts[i];
      if (policy === 'ip' && count && count.count > limit) {
        this.refusals.remember(sourceIp, { reason: 'ip', limit }, count.resetMs);
      }
    });
  }

  /** Learns from Redis's answer, then refuses the request (429) or writes its RateLimit fields. */
  apply(request: FastifyRequest, reply: FastifyReply, counted: readonly Counted[], admission: Admission): void {
    this.learn(request.ip, counted, admission);
    if ('blockedMs' in admission) refuseBlockedSource(reply, admission.blockedMs);
    applyQuotas(request, reply, counted, admission.counts);
  }
}
