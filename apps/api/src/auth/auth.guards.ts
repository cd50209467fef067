import { type ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import type { Principal } from '@callwire/auth';
import { ProblemException, problem } from '../common/problem';

abstract class BearerGuard extends AuthGuard('bearer') {
  protected abstract readonly requiredKind: Principal['kind'];
  protected abstract readonly wrongKeyDetail: string;

  override handleRequest<TUser = Principal>(
    error: unknown,
    user: Principal | false,
    _info: unknown,
    _context: ExecutionContext,
  ): TUser {
    if (error) throw error;
    if (!user) {
      throw new ProblemException(
        problem(HttpStatus.UNAUTHORIZED, 'A valid API key is required (Authorization: Bearer <key>).'),
      );
    }
    if (user.kind !== this.requiredKind) throw new ProblemException(problem(HttpStatus.FORBIDDEN, this.wrongKeyDetail));
    return user as TUser;
  }
}

/** Platform operator routes: only the ADMIN_API_KEY passes. */
@Injectable()
export class AdminGuard extends BearerGuard {
  protected readonly requiredKind = 'admin';
  protected readonly wrongKeyDetail = 'This operation needs the platform admin key.';
}

/** Account routes: only an account API key passes, and it scopes the request to its account. */
@Injectable()
export class AccountGuard extends BearerGuard {
  protected readonly requiredKind = 'account';
  protected readonly wrongKeyDetail = 'This operation needs an account API key.';
}
