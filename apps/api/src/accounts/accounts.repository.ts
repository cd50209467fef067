import { Injectable } from '@nestjs/common';
import { type Account, PrismaService, isRecordNotFound } from '@callwire/database';

/** An account's own limits; null: the platform default (requests/s) or no limit (calls, registrations). */
export interface AccountLimits {
  readonly maxRequestsPerSecond: number | null;
  readonly maxConcurrentCalls: number | null;
  readonly maxRegistrations: number | null;
}
import { type PageRequest, pageQuery } from '../common/pagination';

@Injectable()
export class AccountsRepository {
  constructor(private readonly prisma: PrismaService) {}

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

  /** The account's own API requests per second; null without one (or without the account). */
  async findRequestsPerSecond(id: string): Promise<number | null> {
    const account = await this.prisma.account.findUnique({ where: { id }, select: { maxRequestsPerSecond: true } });
    return account?.maxRequestsPerSecond ?? null;
  }

  /** Replaces the account's limits; null when there is no such account. */
  async setLimits(id: string, limits: AccountLimits): Promise<Account | null> {
    try {
      return await this.prisma.account.update({ where: { id }, data: limits });
    } catch (error) {
      if (isRecordNotFound(error)) return null;
      throw error;
    }
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

  /** Deletes the account with its keys and SIP users; null when it does not exist. */
  async delete(id: string): Promise<Account | null> {
    try {
      return await this.prisma.account.delete({ where: { id } });
    } catch (error) {
      if (isRecordNotFound(error)) return null;
      throw error;
    }
  }
}
