import { HttpStatus } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ProblemException, problem } from '../common/problem';
import {
  type PolicyName,
  type Quota,
  exceeded,
  rateLimitHeaders,
  retryAfterSeconds,
  wholeSeconds,
} from './rate-limit-headers';
import type { WindowCount } from './rate-limit.store';

const COUNTED_BY: Record<PolicyName, string> = {
  ip: 'from this address',
  key: 'with this key',
  account: 'for this account',
};

/** The quotas a request was counted against so far (source first, then key and account after authentication). */
const quotasOfRequest = new WeakMap<FastifyRequest, Quota[]>();

/** Requests already counted per source in Redis (before routing, or with their key and account). */
const countedRequests = new WeakSet<FastifyRequest>();
export const markCounted = (request: FastifyRequest): void => void countedRequests.add(request);
export const isCounted = (request: FastifyRequest): boolean => countedRequests.has(request);

export interface Counted {
  readonly policy: PolicyName;
  readonly limit: number;
}

/**
 * Adds this request's counts to what it was already counted against, writes the RateLimit fields and, when a
 * policy is exceeded, refuses the request: 429 problem with Retry-After.
 */
export function applyQuotas(
  request: FastifyRequest,
  reply: FastifyReply,
  counted: readonly Counted[],
  counts: readonly WindowCount[],
): void {
  const added = counted.map(({ policy, limit }, i) => ({ policy, limit, ...(counts[i] ?? { count: 0, resetMs: 0 }) }));
  const quotas = [...(quotasOfRequest.get(request) ?? []), ...added];
  quotasOfRequest.set(request, quotas);
  if (quotas.length > 0) void reply.headers(rateLimitHeaders(quotas));
  const over = quotas.find(exceeded);
  if (!over) return;
  void reply.header('retry-after', String(retryAfterSeconds(quotas)));
  throw new ProblemException(
    problem(
      HttpStatus.TOO_MANY_REQUESTS,
      `Rate limit exceeded: at most ${over.limit} requests per second ${COUNTED_BY[over.policy]}.`,
    ),
  );
}

/** 429 for a source blocked after repeated failed authentications. */
export function refuseBlockedSource(reply: FastifyReply, blockedMs: number): never {
  void reply.header('retry-after', String(wholeSeconds(blockedMs)));
  throw new ProblemException(
    problem(HttpStatus.TOO_MANY_REQUESTS, 'Too many failed authentications from this address: try again later.'),
  );
}
