import { type CanActivate, type ExecutionContext, HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { constantTimeEquals } from '@callwire/auth';
import { CALLWIRE_CONFIG, type CallwireConfig } from '@callwire/config';
import { ProblemException, problem } from '../common/problem';

const BEARER = /^Bearer (.+)$/;

/** GET /metrics tells about the platform's traffic: only a scraper with METRICS_TOKEN may read it. */
@Injectable()
export class MetricsTokenGuard implements CanActivate {
  constructor(@Inject(CALLWIRE_CONFIG) private readonly config: CallwireConfig) {}

  canActivate(context: ExecutionContext): boolean {
    if (!this.config.metricsToken) {
      throw new ProblemException(problem(HttpStatus.FORBIDDEN, 'Metrics are off: set METRICS_TOKEN to scrape them.'));
    }
    const header = context.switchToHttp().getRequest<FastifyRequest>().headers.authorization ?? '';
    const token = BEARER.exec(header)?.[1];
    if (!token || !constantTimeEquals(token, this.config.metricsToken)) {
      throw new ProblemException(
        problem(HttpStatus.UNAUTHORIZED, 'Scrape with Authorization: Bearer <METRICS_TOKEN>.'),
      );
    }
    return true;
  }
}
