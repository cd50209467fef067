import { Injectable } from '@nestjs/common';
import { unlessNotFound } from '../errors';
import type { Account } from '../generated/client';
import { type PageRequest, pageQuery } from '../pagination';
import { PrismaService } from '../prisma.service';
import { Sql } from '../sql';

/** An account's own limits; null: the platform default (requests/s) or no limit (calls, registrations). */
export interface AccountLimits {
  readonly maxRequestsPerSecond: number | null;
  readonly maxConcurrentCalls: number | null;
  readonly maxRegistrations: number | null;
}

/**
 * Accounts (tenants): the API creates, lists, limits and deletes them; both apps find an account by id or by
 * its SIP domain (the edge names accounts by domain), and the worker reads the limits the edge holds for one
 * (view kamailio_account_limits, made from this table).
 */
@Injectable()
export class AccountsRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly sql: Sql,
  ) {}

  create(name: string, sipDomain: string): Promise<Account> {
    return this.prisma.account.create({ data: { name, sipDomain } });
  }

  findById(id: string): Promise<Account | null> {
    return this.prisma.account.findUnique({ where: { id } });
  }

  /** The account's SIP domain (its SIP users' domain and digest realm), or null when there is no such account. */
  async findSipDomain(id: string): Promise<string | null> {
    const account = await this.prisma.account.findUnique({ where: { id }, select: { sipDomain: true } });
    return account?.sipDomain ?? null;
  }

  /** The id of the account whose SIP domain this is, or null. */
  async findIdBySipDomain(sipDomain: string): Promise<string | null> {
    const account = await this.sql
      .selectFrom('accounts')
      .select('id')
      .where('sip_domain', '=', sipDomain)
      .executeTakeFirst();
    return account?.id ?? null;
  }

  /** The account's own API requests per second; null without one (or without the account). */
  async findRequestsPerSecond(id: string): Promise<number | null> {
    const account = await this.prisma.account.findUnique({ where: { id }, select: { maxRequestsPerSecond: true } });
    return account?.maxRequestsPerSecond ?? null;
  }

  /** Replaces the account's limits; null when there is no such account. */
  async setLimits(id: string, limits: AccountLimits): Promise<Account | null> {
    return unlessNotFound(this.prisma.account.update({ where: { id }, data: limits }));
  }

  /**
   * What view kamailio_account_limits (the edge's htable acctlimits at start) holds for the domain:
   * key_name → key_value of its rows (`<sipDomain>::calls`, `<sipDomain>::regs`), only those set.
   */
  async findEdgeLimits(sipDomain: string): Promise<Map<string, string>> {
    const rows = await this.sql
      .selectFrom('kamailio_account_limits')
      .select(['key_name', 'key_value'])
      .where('key_name', 'in', [`${sipDomain}::calls`, `${sipDomain}::regs`])
      .execute();
    return new Map(rows.map((row) => [row.key_name, row.key_value]));
  }

  /** Newest first; with `search`, only accounts whose name or SIP domain contains it. */
  list(page: PageRequest, search?: string): Promise<Account[]> {
    const { where, ...rest } = pageQuery(page, 'desc');
    const matches = search
      ? {
          OR: [
            { name: { contains: search, mode: 'insensitive' as const } },
            { sipDomain: { contains: search, mode: 'insensitive' as const } },
          ],
        }
      : {};
    return this.prisma.account.findMany({ where: { ...where, ...matches }, ...rest });
  }

  /** Deletes the account with everything it owns; null when it does not exist. */
  async delete(id: string): Promise<Account | null> {
    return unlessNotFound(this.prisma.account.delete({ where: { id } }));
  }
}
