import { type CanActivate, type ExecutionContext, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import { CALLWIRE_CONFIG, type CallwireConfig } from '@callwire/config';
import { ProblemException, problem } from '../common/problem';

interface EdgeRequest {
  readonly ip: string;
  readonly headers: Record<string, string | string[] | undefined>;
}

/** The edge's internal endpoints: from loopback only, with the EDGE_API_TOKEN bearer token. */
@Injectable()
export class EdgeApiTokenGuard implements CanActivate {
  private readonly expected: Buffer;

  constructor(@Inject(CALLWIRE_CONFIG) config: CallwireConfig) {
    this.expected = Buffer.from(`Bearer ${config.routing.edgeApiToken}`);
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<EdgeRequest>();
    const presented = Buffer.from(String(request.headers.authorization ?? ''));
    const valid = presented.length === this.expected.length && timingSafeEqual(presented, this.expected);
    if (!isLoopbackAddress(request.ip) || !valid) {
      throw new ProblemException(problem(HttpStatus.FORBIDDEN, 'Internal endpoint of the SIP edge.'));
    }
    return true;
  }
}

function isLoopbackAddress(ip: string): boolean {
  return ip === '::1' || ip.startsWith('127.') || ip.startsWith('::ffff:127.');
}
