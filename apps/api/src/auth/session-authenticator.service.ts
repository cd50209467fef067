import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { type Principal, constantTimeEquals, hashSecret } from '@callwire/auth';
import { CALLWIRE_CONFIG, type CallwireConfig } from '@callwire/config';
import { DashboardSessionsRepository } from '@callwire/database';
import { ProblemException, problem } from '../common/problem';

/** Methods that change nothing: they need no CSRF token (the dashboard only reads with them). */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface SessionCredentials {
  readonly token: string;
  readonly method: string;
  readonly csrfToken: string | undefined;
}

/** Resolves a dashboard session cookie to its principal; null when the session is unknown, expired or orphaned. */
@Injectable()
export class SessionAuthenticator {
  private readonly adminKeyHash: Buffer;

  constructor(
    @Inject(CALLWIRE_CONFIG) config: CallwireConfig,
    private readonly sessions: DashboardSessionsRepository,
  ) {
    this.adminKeyHash = hashSecret(config.adminApiKey);
  }

  async authenticate({ token, method, csrfToken }: SessionCredentials): Promise<Principal | null> {
    const session = await this.sessions.findActive(hashSecret(token), this.adminKeyHash);
    if (!session) return null;
    // SameSite=Strict already keeps other sites' requests cookie-less; the header is the second lock.
    if (!SAFE_METHODS.has(method) && !(csrfToken && constantTimeEquals(csrfToken, session.csrfToken))) {
      throw new ProblemException(
        problem(HttpStatus.FORBIDDEN, 'Missing or wrong X-CSRF-Token header (the csrfToken of GET /v1/session).'),
      );
    }
    if (session.role === 'admin') {
      return { kind: 'admin', actingAccountId: session.accountId ?? undefined, sessionId: session.id };
    }
    if (!session.accountId || !session.apiKeyId) return null;
    return { kind: 'account', accountId: session.accountId, apiKeyId: session.apiKeyId, sessionId: session.id };
  }
}
