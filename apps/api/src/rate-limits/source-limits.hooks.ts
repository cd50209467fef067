import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CALLWIRE_CONFIG, type CallwireConfig } from '@callwire/config';
import { EDGE_ROUTES_PATH } from '../edge-routing/edge-routing.controller';
import { RateLimitStore } from './rate-limit.store';
import { type Counted, applyQuotas, refuseBlockedSource } from './request-quotas';

/** Probes and the edge's per-call routing requests are never limited (the edge's calls would fail). */
const UNLIMITED_PATHS = new Set(['/healthz', '/readyz', '/metrics', `/${EDGE_ROUTES_PATH}`]);
const SIGN_IN_PATH = '/v1/session';

const pathOf = (request: FastifyRequest): string => request.url.split('?')[0] ?? '';

/** A 401 to a request that presented credentials: a wrong bearer key or a failed dashboard sign-in. */
function isFailedAuthentication(request: FastifyRequest, reply: FastifyReply): boolean {
  if (reply.statusCode !== 401) return false;
  return request.headers.authorization !== undefined || (request.method === 'POST' && pathOf(request) === SIGN_IN_PATH);
}

/**
 * Per source address, before any route runs (and before a key costs a database lookup): refuses blocked
 * sources and counts requests per second; after the response, counts failed authentications.
 */
@Injectable()
export class SourceLimitsHooks implements OnModuleInit {
  private readonly perIp: readonly Counted[];

  constructor(
    @Inject(CALLWIRE_CONFIG) config: CallwireConfig,
    private readonly adapterHost: HttpAdapterHost,
    private readonly store: RateLimitStore,
  ) {
    const limit = config.rateLimits.perIpPerSecond;
    this.perIp = limit > 0 ? [{ policy: 'ip', limit }] : [];
  }

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('onRequest', (request, reply) => this.admit(request, reply));
    fastify.addHook('onResponse', async (request, reply) => {
      if (isFailedAuthentication(request, reply) && !UNLIMITED_PATHS.has(pathOf(request))) {
        await this.store.recordAuthFailure(request.ip);
      }
    });
  }

  private async admit(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    if (UNLIMITED_PATHS.has(pathOf(request))) return;
    const admission = await this.store.admit(
      request.ip,
      this.perIp.map(() => `ip:${request.ip}`),
    );
    if (!admission) return;
    if ('blockedMs' in admission) refuseBlockedSource(reply, admission.blockedMs);
    applyQuotas(request, reply, this.perIp, admission.counts);
  }
}
