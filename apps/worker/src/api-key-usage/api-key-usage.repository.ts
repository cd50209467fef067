import { Injectable } from '@nestjs/common';
import { PrismaService } from '@callwire/database';

@Injectable()
export class ApiKeyUsageRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Moves lastUsedAt forward only: retried or out-of-order jobs never move it back. */
  async recordUse(apiKeyId: string, usedAt: Date): Promise<void> {
    await this.prisma.apiKey.updateMany({
      where: { id: apiKeyId, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: usedAt } }] },
      data: { lastUsedAt: usedAt },
    });
  }
}
