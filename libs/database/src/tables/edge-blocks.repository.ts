import { Injectable } from '@nestjs/common';
import type { EdgeBlock } from '../generated/client';
import type { KeysetPageRequest } from '../pagination';
import { PrismaService } from '../prisma.service';

/** A block the edge set on a source address (a security event of its stream). */
export interface NewEdgeBlock {
  readonly ip: string;
  readonly reason: string;
  readonly blockedAt: Date;
  readonly expiresAt: Date;
}

/**
 * The edge's blocks, one row per source (a new block of the same source replaces the old one): the worker
 * records them from the edge's security events and forgets expired ones, the admin lists and lifts them.
 * Rows past expires_at no longer count.
 */
@Injectable()
export class EdgeBlocksRepository {
  constructor(private readonly prisma: PrismaService) {}

  async save({ ip, ...block }: NewEdgeBlock): Promise<void> {
    await this.prisma.edgeBlock.upsert({ where: { ip }, create: { ip, ...block }, update: block });
  }

  /** Active blocks ordered by address, after the page's last address; limit + 1 rows. */
  listActive(page: KeysetPageRequest<string>, now: Date): Promise<EdgeBlock[]> {
    return this.prisma.edgeBlock.findMany({
      where: { expiresAt: { gt: now }, ...(page.after === undefined ? {} : { ip: { gt: page.after } }) },
      orderBy: { ip: 'asc' },
      take: page.limit + 1,
    });
  }

  /** The admin lifted the block (no error when there is none). */
  async delete(ip: string): Promise<void> {
    await this.prisma.edgeBlock.deleteMany({ where: { ip } });
  }

  /** Blocks the edge has lifted by itself (its htable expired them). */
  async deleteExpired(now: Date): Promise<void> {
    await this.prisma.edgeBlock.deleteMany({ where: { expiresAt: { lte: now } } });
  }
}
