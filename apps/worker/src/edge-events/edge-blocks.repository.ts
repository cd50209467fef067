import { Injectable } from '@nestjs/common';
import { PrismaService } from '@callwire/database';
import type { EdgeSecurityEvent } from '@callwire/queues';

/** The edge's blocks, one row per source (a new block of the same source replaces the old one). */
@Injectable()
export class EdgeBlocksRepository {
  constructor(private readonly prisma: PrismaService) {}

  async save({ ip, reason, at, until }: EdgeSecurityEvent): Promise<void> {
    const block = { reason, blockedAt: new Date(at), expiresAt: new Date(until) };
    await this.prisma.edgeBlock.upsert({ where: { ip }, create: { ip, ...block }, update: block });
  }

  /** The admin lifted the block. */
  async delete(ip: string): Promise<void> {
    await this.prisma.edgeBlock.deleteMany({ where: { ip } });
  }

  /** Blocks the edge has lifted by itself (its htable expired them). */
  async deleteExpired(now: Date): Promise<void> {
    await this.prisma.edgeBlock.deleteMany({ where: { expiresAt: { lte: now } } });
  }
}
