import { Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import { type DtmfMode, PrismaService, type SipUser, type SrtpPolicy, isRecordNotFound } from '@callwire/database';
import type { PageRequest } from '../common/pagination';

export interface NewSipUser {
  readonly username: string;
  readonly displayName: string | null;
  readonly ha1: string;
  /** Left out: the default (offer). */
  readonly srtp?: SrtpPolicy;
  /** Left out: the default (rfc4733). */
  readonly dtmf?: DtmfMode;
}

/** A SIP user as listed: no HA1, with its account's SIP domain. */
export type ListedSipUser = Omit<SipUser, 'ha1'> & { readonly sipDomain: string };

export interface SipUserChanges {
  readonly displayName?: string | null;
  readonly enabled?: boolean;
  readonly ha1?: string;
  readonly srtp?: SrtpPolicy;
  readonly dtmf?: DtmfMode;
}

/** Every query is scoped by accountId: another account's user is indistinguishable from none. */
@Injectable()
export class SipUsersRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly pool: Pool,
  ) {}

  create(accountId: string, user: NewSipUser): Promise<SipUser> {
    return this.prisma.sipUser.create({ data: { accountId, ...user } });
  }

  /** The busiest read of the API, hence plain SQL (see pg-pool.provider.ts); fetches limit + 1 rows. */
  async list(accountId: string, page: PageRequest): Promise<ListedSipUser[]> {
    const { rows } = await this.pool.query<ListedSipUser>(
      `SELECT u.id, u.account_id AS "accountId", u.username, u.display_name AS "displayName", u.enabled, u.srtp, u.dtmf,
              u.created_at AT TIME ZONE 'UTC' AS "createdAt", u.updated_at AT TIME ZONE 'UTC' AS "updatedAt",
              a.sip_domain AS "sipDomain"
         FROM sip_users u JOIN accounts a ON a.id = u.account_id
        WHERE u.account_id = $1 AND ($2::uuid IS NULL OR u.id > $2::uuid)
        ORDER BY u.id
        LIMIT $3`,
      [accountId, page.afterId ?? null, page.limit + 1],
    );
    return rows;
  }

  findById(accountId: string, id: string): Promise<SipUser | null> {
    return this.prisma.sipUser.findFirst({ where: { id, accountId } });
  }

  async update(accountId: string, id: string, changes: SipUserChanges): Promise<SipUser | null> {
    try {
      return await this.prisma.sipUser.update({ where: { id, accountId }, data: changes });
    } catch (error) {
      if (isRecordNotFound(error)) return null;
      throw error;
    }
  }

  /** Deletes the user; returns it, or null when the account has no such user. */
  async delete(accountId: string, id: string): Promise<SipUser | null> {
    try {
      return await this.prisma.sipUser.delete({ where: { id, accountId } });
    } catch (error) {
      if (isRecordNotFound(error)) return null;
      throw error;
    }
  }
}
