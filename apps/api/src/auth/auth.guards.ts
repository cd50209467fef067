import { type ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { type Principal, actingAccountId } from '@callwire/auth';
import { ProblemException, problem } from '../common/problem';
import { SESSION_STRATEGY } from './session.strategy';

const NOT_AUTHENTICATED = 'A valid API key is required (Authorization: Bearer <key>).';

/** An API key (Authorization: Bearer) or the dashboard's session cookie, then a check of what it may do. */
abstract class PrincipalGuard extends AuthGuard(['bearer', SESSION_STRATEGY]) {
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
  override handleRequest<TUser = Principal>(error: unknown, principal: Principal | false): TUser {
    if (error) throw error;
    if (!principal || !principal.sessionId) {
      throw new ProblemException(problem(HttpStatus.UNAUTHORIZED, 'Not signed in, or the session has expired.'));
    }
    return principal as TUser;
  }
}
