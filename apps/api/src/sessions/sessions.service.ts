import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { hashSecret } from '@callwire/auth';
import { CALLWIRE_CONFIG, type CallwireConfig } from '@callwire/config';
import { AccountsRepository, DashboardSessionsRepository, type SessionRecord } from '@callwire/database';
import { ApiKeyAuthenticator } from '../auth/api-key-authenticator.service';
import { NotFoundProblemException, ProblemException, problem } from '../common/problem';
import type { SessionDto } from './dto/session.dto';

const TOKEN_BYTES = 32;

export interface OpenedSession {
  /** The cookie value: shown to the browser once, stored only as its SHA-256. */
  readonly token: string;
  readonly expiresAt: Date;
  readonly session: SessionDto;
}

function toDto(record: SessionRecord): SessionDto {
  return {
    role: record.role,
    account: record.account,
    csrfToken: record.csrfToken,
    expiresAt: record.expiresAt.toISOString(),
  };
}

/** Dashboard sign-in: an API key is exchanged for a server-side session held by an HttpOnly cookie. */
@Injectable()
export class SessionsService {
  private readonly ttlMs: number;

  constructor(
    @Inject(CALLWIRE_CONFIG) config: CallwireConfig,
    private readonly keys: ApiKeyAuthenticator,
    private readonly sessions: DashboardSessionsRepository,
    private readonly accounts: AccountsRepository,
  ) {
    this.ttlMs = config.dashboard.sessionTtlSeconds * 1000;
  }

  async signIn(apiKey: string, now = new Date()): Promise<OpenedSession> {
    const principal = await this.keys.authenticate(apiKey, now);
    if (!principal) {
      throw new ProblemException(
        problem(HttpStatus.UNAUTHORIZED, 'This key is not valid: unknown, revoked or expired.'),
      );
    }
    await this.sessions.deleteExpired(now);
    const token = randomBytes(TOKEN_BYTES).toString('base64url');
    const expiresAt = new Date(now.getTime() + this.ttlMs);
    const record = await this.sessions.create({
      tokenHash: hashSecret(token),
      role: principal.kind,
      accountId: principal.kind === 'account' ? principal.accountId : null,
      apiKeyId: principal.kind === 'account' ? principal.apiKeyId : null,
      adminKeyHash: principal.kind === 'admin' ? hashSecret(apiKey) : null,
      csrfToken: randomBytes(TOKEN_BYTES).toString('base64url'),
      expiresAt,
    });
    return { token, expiresAt, session: toDto(record) };
  }

  async describe(sessionId: string): Promise<SessionDto> {
    const record = await this.sessions.findById(sessionId);
    if (!record) throw new ProblemException(problem(HttpStatus.UNAUTHORIZED, 'The session has ended.'));
    return toDto(record);
  }

  /** Admin sessions only: act on this account from now on (null: back to the platform view). */
  async switchAccount(sessionId: string, role: 'admin' | 'account', accountId: string | null): Promise<SessionDto> {
    if (role !== 'admin') {
      throw new ProblemException(problem(HttpStatus.FORBIDDEN, 'Only an admin session can switch accounts.'));
    }
    if (accountId && !(await this.accounts.findById(accountId))) throw new NotFoundProblemException('Account');
    return toDto(await this.sessions.setAccount(sessionId, accountId));
  }

  signOut(sessionId: string): Promise<void> {
    return this.sessions.delete(sessionId);
  }
}
