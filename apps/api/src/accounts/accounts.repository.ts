import { Injectable } from '@nestjs/common';
import { type Account, PrismaService, isRecordNotFound } from '@callwire/database';
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

  /** Deletes the account with its keys and SIP users; false when it does not exist. */
  async delete(id: string): Promise<boolean> {
    try {
      await this.prisma.account.delete({ where: { id } });
      return true;
    } catch (error) {
      if (isRecordNotFound(error)) return false;
      throw error;
    }
  }
}
