import { Injectable } from '@nestjs/common';
import type { DashboardSession } from '../generated/client';
import { PrismaService } from '../prisma.service';
import { Sql } from '../sql';

export type SessionRole = 'admin' | 'account';

export interface NewDashboardSession {
  readonly tokenHash: Buffer;
  readonly role: SessionRole;
  readonly accountId: string | null;
  readonly apiKeyId: string | null;
  readonly adminKeyHash: Buffer | null;
  readonly csrfToken: string;
  readonly expiresAt: Date;
}

/** What a request needs to know about its session: checked on every cookie-authenticated request. */
export interface ActiveSession {
  readonly id: string;
  readonly role: SessionRole;
  readonly accountId: string | null;
  readonly apiKeyId: string | null;
  readonly csrfToken: string;
}

export type SessionRecord = Pick<DashboardSession, 'id' | 'accountId' | 'csrfToken' | 'expiresAt'> & {
  readonly role: SessionRole;
  readonly account: { readonly id: string; readonly name: string; readonly sipDomain: string } | null;
};

/** The role column holds only what `create` wrote. */
const toRecord = <Row extends { role: string }>(row: Row): Row & { role: SessionRole } => ({
  ...row,
  role: row.role === 'admin' ? 'admin' : 'account',
});

const RECORD_FIELDS = {
  id: true,
  role: true,
  accountId: true,
  csrfToken: true,
  expiresAt: true,
  account: { select: { id: true, name: true, sipDomain: true } },
} as const;

/** Dashboard sign-in sessions (the API's only: opened, checked on every cookie request, switched, closed). */
@Injectable()
export class DashboardSessionsRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly sql: Sql,
  ) {}

  async create(session: NewDashboardSession): Promise<SessionRecord> {
    const created = await this.prisma.dashboardSession.create({
      data: {
        ...session,
        tokenHash: new Uint8Array(session.tokenHash),
        adminKeyHash: session.adminKeyHash && new Uint8Array(session.adminKeyHash),
      },
      select: RECORD_FIELDS,
    });
    return toRecord(created);
  }

  /**
   * The unexpired session with this token, if it is still backed by what opened it: an account session by an
   * API key that is neither revoked nor expired, an admin session by the current admin key. A prepared
   * statement: it runs on every request the dashboard makes.
   */
  async findActive(tokenHash: Buffer, currentAdminKeyHash: Buffer, now = new Date()): Promise<ActiveSession | null> {
    const parameters = [tokenHash, now, 'admin', currentAdminKeyHash, now];
    const [row] = await this.sql.prepared('dashboard-session-active', parameters, () =>
      this.sql
        .selectFrom('dashboard_sessions as s')
        .leftJoin('api_keys as k', 'k.id', 's.api_key_id')
        .select([
          's.id',
          's.role',
          's.account_id as accountId',
          's.api_key_id as apiKeyId',
          's.csrf_token as csrfToken',
        ])
        .where('s.token_hash', '=', tokenHash)
        .where('s.expires_at', '>', now)
        .where(({ eb, and, or }) =>
          eb
            .case('s.role')
            .when('admin')
            .then(eb('s.admin_key_hash', '=', currentAdminKeyHash))
            .else(
              and([eb('k.revoked_at', 'is', null), or([eb('k.expires_at', 'is', null), eb('k.expires_at', '>', now)])]),
            )
            .end(),
        ),
    );
    return row ? toRecord(row) : null;
  }

  async findById(id: string): Promise<SessionRecord | null> {
    const found = await this.prisma.dashboardSession.findUnique({ where: { id }, select: RECORD_FIELDS });
    return found && toRecord(found);
  }

  async setAccount(id: string, accountId: string | null): Promise<SessionRecord> {
    const updated = await this.prisma.dashboardSession.update({
      where: { id },
      data: { accountId },
      select: RECORD_FIELDS,
    });
    return toRecord(updated);
  }

  async delete(id: string): Promise<void> {
    await this.prisma.dashboardSession.deleteMany({ where: { id } });
  }

  /** Housekeeping on sign-in: expired rows are never valid again. */
  async deleteExpired(now: Date): Promise<void> {
    await this.prisma.dashboardSession.deleteMany({ where: { expiresAt: { lte: now } } });
  }
}
