import { Injectable } from '@nestjs/common';
import { PrismaService } from '@callwire/database';

/** An account's sipDomain never changes, so its id is remembered for a while (misses are not). */
const CACHE_MS = 60_000;

/** Edge events name their account by SIP domain: which account is that (read once a minute per domain). */
@Injectable()
export class SipDomainAccounts {
  private readonly cache = new Map<string, { id: string; until: number }>();

  constructor(private readonly prisma: PrismaService) {}

  async idOf(sipDomain: string): Promise<string | null> {
    const cached = this.cache.get(sipDomain);
    if (cached && cached.until > Date.now()) return cached.id;
    const account = await this.prisma.account.findUnique({ where: { sipDomain }, select: { id: true } });
    if (account) this.cache.set(sipDomain, { id: account.id, until: Date.now() + CACHE_MS });
    return account?.id ?? null;
  }
}
