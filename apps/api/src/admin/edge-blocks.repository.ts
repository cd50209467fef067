import { Injectable } from '@nestjs/common';
import { type EdgeBlock, PrismaService } from '@callwire/database';
import type { KeysetPageRequest } from '../common/pagination';

/** The edge's blocks as the worker recorded them; rows past expires_at no longer count. */
@Injectable()
export class EdgeBlocksRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Active blocks ordered by address, after the page's last address. */
  listActive(page: KeysetPageRequest<string>, now: Date): Promise<EdgeBlock[]> {
    return this.prisma.edgeBlock.findMany({
      where: { expiresAt: { gt: now }, ...(page.after === undefined ? {} : { ip: { gt: page.after } }) },
      orderBy: { ip: 'asc' },
      take: page.limit + 1,
    });
  }

  async delete(ip: string): Promise<void> {
    await this.prisma.edgeBlock.deleteMany({ where: { ip } });
  }
}
