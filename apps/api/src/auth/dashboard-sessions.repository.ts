import { Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import { type DashboardSession, PrismaService } from '@callwire/database';

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

@Injectable()
export class DashboardSessionsRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly pool: Pool,
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
   * API key that is neither revoked nor expired, an admin session by the current admin key. Plain SQL: it runs
   * on every request the dashboard makes.
   */
  async findActive(tokenHash: Buffer, currentAdminKeyHash: Buffer): Promise<ActiveSession | null> {
    const { rows } = await this.pool.query<ActiveSession>(
      `SELECT s.id, s.role, s.account_id AS "accountId", s.api_key_id AS "apiKeyId", s.csrf_token AS "csrfToken"
         FROM dashboard_sessions s
         LEFT JOIN api_keys k ON k.id = s.api_key_id
        WHERE s.token_hash = $1
          AND s.expires_at > now() AT TIME ZONE 'UTC'
          AND CASE s.role
                WHEN 'admin' THEN s.admin_key_hash = $2
                ELSE k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > now() AT TIME ZONE 'UTC')
              END`,
      [tokenHash, currentAdminKeyHash],
    );
    return rows[0] ?? null;
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
