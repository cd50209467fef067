import { Injectable } from '@nestjs/common';
import type { ClientToken } from '../generated/client';
import { type PageRequest, pageQuery } from '../pagination';
import { PrismaService } from '../prisma.service';

export interface NewClientToken {
  readonly sipUserId: string | null;
  readonly identity: string;
  readonly aorUser: string;
  readonly expiresAt: Date;
}

/**
 * Client tokens the API issues to browsers (the edge reads revoked ones through view kamailio_revoked_tokens).
 * Every query is scoped by accountId.
 */
@Injectable()
export class ClientTokensRepository {
  constructor(private readonly prisma: PrismaService) {}

  create(accountId: string, token: NewClientToken): Promise<ClientToken> {
    return this.prisma.clientToken.create({ data: { accountId, ...token } });
  }

  /** Tokens that still work (neither revoked nor expired), oldest first, limit + 1 rows. */
  listLive(accountId: string, page: PageRequest, now: Date): Promise<ClientToken[]> {
    const { where, ...rest } = pageQuery(page);
    return this.prisma.clientToken.findMany({
      where: { ...where, accountId, revokedAt: null, expiresAt: { gt: now } },
      ...rest,
    });
  }

  /** Marks the token revoked (once); null when the account has no such token. */
  async revoke(accountId: string, id: string, at: Date): Promise<ClientToken | null> {
    const token = await this.prisma.clientToken.findFirst({ where: { id, accountId } });
    if (!token || token.revokedAt) return token;
    return this.prisma.clientToken.update({ where: { id }, data: { revokedAt: at } });
  }

  /** Revokes every live token of a SIP user; returns them. */
  revokeAllOfSipUser(accountId: string, sipUserId: string, at: Date): Promise<ClientToken[]> {
    return this.prisma.clientToken.updateManyAndReturn({
      where: { accountId, sipUserId, revokedAt: null, expiresAt: { gt: at } },
      data: { revokedAt: at },
    });
  }
}
