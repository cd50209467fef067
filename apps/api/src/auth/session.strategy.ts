import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import passport from 'passport';
import type { Principal } from '@callwire/auth';
import { CSRF_HEADER, readSessionCookie } from './session-cookie';
import { SessionAuthenticator } from './session-authenticator.service';

export const SESSION_STRATEGY = 'session';

/** The request is Fastify's here; Passport's types assume Express, hence `object`. */
type Verify = (request: object, done: (error: unknown, principal?: Principal | false) => void) => void;

/** A Passport strategy that hands the whole request to its verify callback (PassportStrategy's validate). */
class RequestStrategy extends passport.Strategy {
  constructor(private readonly verify: Verify) {
    super();
  }

  override authenticate(request: object): void {
    this.verify(request, (error, principal) => {
      if (error) this.error(error);
      else if (principal) this.success(principal);
      else this.fail(401);
    });
  }
}

/** The dashboard's session cookie (see SessionsController), accepted wherever an API key is, in place of one. */
@Injectable()
export class SessionStrategy extends PassportStrategy(RequestStrategy, SESSION_STRATEGY) {
  constructor(private readonly authenticator: SessionAuthenticator) {
    super();
  }

  async validate(request: FastifyRequest): Promise<Principal | false> {
    // A request that presents a key (Authorization) is judged by that key alone, even if it fails.
    if (request.headers.authorization !== undefined) return false;
    const token = readSessionCookie(request);
    if (!token) return false;
    const csrfToken = request.headers[CSRF_HEADER];
    return (
      (await this.authenticator.authenticate({
        token,
        method: request.method,
        csrfToken: typeof csrfToken === 'string' ? csrfToken : undefined,
      })) ?? false
    );
  }
}
