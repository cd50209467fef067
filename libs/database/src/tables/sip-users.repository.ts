import { Injectable } from '@nestjs/common';
import { unlessNotFound } from '../errors';
import type { DtmfMode, SipUser, SrtpPolicy } from '../generated/client';
import type { PageRequest } from '../pagination';
import { PrismaService } from '../prisma.service';
import { Sql } from '../sql';

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

/**
 * An account's SIP users (the API manages them; the edge reads their credentials through view
 * kamailio_subscribers). Every query is scoped by accountId: another account's user is indistinguishable from
 * none.
 */
@Injectable()
export class SipUsersRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly sql: Sql,
  ) {}

  create(accountId: string, user: NewSipUser): Promise<SipUser> {
    return this.prisma.sipUser.create({ data: { accountId, ...user } });
  }

  /** The busiest read of the API, hence Kysely as a prepared statement (see pg-pool.provider.ts); limit + 1 rows. */
  list(accountId: string, page: PageRequest): Promise<ListedSipUser[]> {
    const next = page.afterId !== undefined;
    const parameters = next ? [accountId, page.afterId, page.limit + 1] : [accountId, page.limit + 1];
    return this.sql.prepared(next ? 'sip-users-next-page' : 'sip-users-first-page', parameters, () =>
      this.sql
        .selectFrom('sip_users as u')
        .innerJoin('accounts as a', 'a.id', 'u.account_id')
        .select([
          'u.id',
          'u.account_id as accountId',
          'u.username',
          'u.display_name as displayName',
          'u.enabled',
          'u.srtp',
          'u.dtmf',
          'u.created_at as createdAt',
          'u.updated_at as updatedAt',
          'a.sip_domain as sipDomain',
        ])
        .where('u.account_id', '=', accountId)
        .$if(page.afterId !== undefined, (query) => query.where('u.id', '>', page.afterId ?? ''))
        .orderBy('u.id')
        .limit(page.limit + 1),
    );
  }

  findById(accountId: string, id: string): Promise<SipUser | null> {
    return this.prisma.sipUser.findFirst({ where: { id, accountId } });
  }

  /** What issuing a client token for the user needs to know; null when the account has no such user. */
  findForToken(accountId: string, id: string): Promise<{ id: string; username: string; enabled: boolean } | null> {
    return this.prisma.sipUser.findFirst({
      where: { id, accountId },
      select: { id: true, username: true, enabled: true },
    });
  }

  /** Whether the account has a SIP user with this username (numbers routed to one). */
  async existsByUsername(accountId: string, username: string): Promise<boolean> {
    return (await this.prisma.sipUser.count({ where: { accountId, username } })) > 0;
  }

  async update(accountId: string, id: string, changes: SipUserChanges): Promise<SipUser | null> {
    return unlessNotFound(this.prisma.sipUser.update({ where: { id, accountId }, data: changes }));
  }

  /** Deletes the user; returns it, or null when the account has no such user. */
  async delete(accountId: string, id: string): Promise<SipUser | null> {
    return unlessNotFound(this.prisma.sipUser.delete({ where: { id, accountId } }));
  }
}
