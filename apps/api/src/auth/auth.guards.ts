import { type ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Principal, actingAccountId } from '@callwire/auth';
import { ProblemException, problem } from '../common/problem';
import { PrincipalLimits } from '../rate-limits/principal-limits';
import { SESSION_STRATEGY } from './session.strategy';

/** After authentication: the caller's rate limits (429 past one). */
async function checkLimits(limits: PrincipalLimits, context: ExecutionContext): Promise<void> {
  const http = context.switchToHttp();
  const request = http.getRequest<FastifyRequest & { user: Principal }>();
  await limits.check(request, http.getResponse<FastifyReply>(), request.user);
}

const NOT_AUTHENTICATED = 'A valid API key is required (Authorization: Bearer <key>).';

/** An API key (Authorization: Bearer) or the dashboard's session cookie, then a check of what it may do. */
// Decorated so that the constructor's parameter types are recorded for the subclasses' injection.
@Injectable()
abstract class PrincipalGuard extends AuthGuard(['bearer', SESSION_STRATEGY]) {
  constructor(private readonly limits: PrincipalLimits) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    await super.canActivate(context); // authenticates, or throws the 401/403 problem
    await checkLimits(this.limits, context);
    return true;
  }

  /** Why this principal may not use the route; null when it may. */
  protected abstract refusal(principal: Principal): string | null;

  override handleRequest<TUser = Principal>(
    error: unknown,
    principal: Principal | false,
    _info: unknown,
    _context: ExecutionContext,
  ): TUser {
    if (error) throw error;
    if (!principal) throw new ProblemException(problem(HttpStatus.UNAUTHORIZED, NOT_AUTHENTICATED));
    const refusal = this.refusal(principal);
    if (refusal) throw new ProblemException(problem(HttpStatus.FORBIDDEN, refusal));
    return principal as TUser;
  }
}

/** Platform operator routes: only the ADMIN_API_KEY (or an admin dashboard session) passes. */
@Injectable()
export class AdminGuard extends PrincipalGuard {
  protected refusal(principal: Principal): string | null {
    return principal.kind === 'admin' ? null : 'This operation needs the platform admin key.';
  }
}

/**
 * Account routes: an account API key scopes the request to its account; so does an admin dashboard session
 * that has switched into an account.
 */
@Injectable()
export class AccountGuard extends PrincipalGuard {
  protected refusal(principal: Principal): string | null {
    if (actingAccountId(principal)) return null;
    return principal.sessionId
      ? 'Switch into an account first (PATCH /v1/session with its accountId).'
      : 'This operation needs an account API key.';
  }
}

/** Routes about the dashboard session itself: only the session cookie counts. */
@Injectable()
export class SessionGuard extends AuthGuard(SESSION_STRATEGY) {
  constructor(private readonly limits: PrincipalLimits) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    await super.canActivate(context);
    await checkLimits(this.limits, context);
    return true;
  }

  override handleRequest<TUser = Principal>(error: unknown, principal: Principal | false): TUser {
    if (error) throw error;
    if (!principal || !principal.sessionId) {
      throw new ProblemException(problem(HttpStatus.UNAUTHORIZED, 'Not signed in, or the session has expired.'));
    }
    return principal as TUser;
  }
}
