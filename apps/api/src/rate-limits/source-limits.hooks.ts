import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from '../auth/session-cookie';
import { EDGE_ROUTES_PATH } from '../edge-routing/edge-routing.controller';
import { RateLimitStore } from './rate-limit.store';
import { isCounted, markCounted } from './request-quotas';
import { SourceLimits } from './source-limits';

/** Probes and the edge's per-call routing requests are never limited (the edge's calls would fail). */
const UNLIMITED_PATHS = new Set(['/healthz', '/readyz', '/metrics', `/${EDGE_ROUTES_PATH}`]);
const SIGN_IN_PATH = '/v1/session';

const pathOf = (request: FastifyRequest): string => request.url.split('?')[0] ?? '';

/** A key or a dashboard session: such a request is counted once its principal is known, with its key and account. */
const presentsCredentials = (request: FastifyRequest): boolean =>
  request.headers.authorization !== undefined || (request.headers.cookie?.includes(`${SESSION_COOKIE}=`) ?? false);

/** A 401 to a request that presented credentials: a wrong bearer key or a failed dashboard sign-in. */
function isFailedAuthentication(request: FastifyRequest, reply: FastifyReply): boolean {
  if (reply.statusCode !== 401) return false;
  return request.headers.authorization !== undefined || (request.method === 'POST' && pathOf(request) === SIGN_IN_PATH);
}

/**
 * Per source address, before any route runs: refuses sources this process knows are refused, and counts
 * requests without credentials in Redis (a request with credentials is counted in the same round trip as its
 * key and account, by the auth guard through PrincipalLimits). After the response: counts failed authentications, and the
 * requests nothing counted yet (refused by a guard, unknown routes).
 */
@Injectable()
export class SourceLimitsHooks implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly store: RateLimitStore,
    private readonly sources: SourceLimits,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('onRequest', (request, reply) => this.admit(request, reply));
    fastify.addHook('onResponse', (request, reply) => this.countAfter(request, reply));
  }

  private async admit(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    if (UNLIMITED_PATHS.has(pathOf(request))) return;
    this.sources.refuseKnown(request, reply);
    if (presentsCredentials(request)) return;
    markCounted(request);
    const admission = await this.store.admit(request.ip, this.sources.counters(request.ip));
    if (admission) this.sources.apply(request, reply, this.sources.perIp, admission);
  }

  private async countAfter(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    if (UNLIMITED_PATHS.has(pathOf(request))) return;
    const failed = isFailedAuthentication(request, reply);
    if (failed) await this.store.recordAuthFailure(request.ip);
    if (isCounted(request) && !failed) return;
    // Counted now, after its answer: what Redis says about the source holds for its next requests.
    const counted = isCounted(request) ? [] : this.sources.perIp;
    const admission = await this.store.admit(request.ip, isCounted(request) ? [] : this.sources.counters(request.ip));
    if (admission) this.sources.learn(request.ip, counted, admission);
  }
}
