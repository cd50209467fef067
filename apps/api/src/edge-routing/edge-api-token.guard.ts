import { type CanActivate, type ExecutionContext, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import { CALLWIRE_CONFIG, type CallwireConfig } from '@callwire/config';
import { ProblemException, problem } from '../common/problem';

interface EdgeRequest {
  readonly ip: string;
  readonly headers: Record<string, string | string[] | undefined>;
}

/** The user name the edge's http_client connection presents with EDGE_API_TOKEN (infra/scripts/kamailio.sh). */
export const EDGE_API_USER = 'edge';

/**
 * The edge's internal endpoints: from loopback only, with the EDGE_API_TOKEN, either as a bearer token or as
 * the password of Basic credentials for the user `edge` (Kamailio's http_client sends a named connection's
 * credentials as Basic and cannot add headers to it: the connection is what it keeps open between decisions).
 */
@Injectable()
export class EdgeApiTokenGuard implements CanActivate {
  private readonly accepted: readonly Buffer[];

  constructor(@Inject(CALLWIRE_CONFIG) config: CallwireConfig) {
    const token = config.routing.edgeApiToken;
    this.accepted = [
      Buffer.from(`Bearer ${token}`),
      Buffer.from(`Basic ${Buffer.from(`${EDGE_API_USER}:${token}`).toString('base64')}`),
    ];
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<EdgeRequest>();
    const presented = Buffer.from(String(request.headers.authorization ?? ''));
    const valid = this.accepted.some(
      (expected) => presented.length === expected.length && timingSafeEqual(presented, expected),
    );
    if (!isLoopbackAddress(request.ip) || !valid) {
      throw new ProblemException(problem(HttpStatus.FORBIDDEN, 'Internal endpoint of the SIP edge.'));
    }
    return true;
  }
}

function isLoopbackAddress(ip: string): boolean {
  return ip === '::1' || ip.startsWith('127.') || ip.startsWith('::ffff:127.');
}
