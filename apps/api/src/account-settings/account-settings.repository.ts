import { Injectable } from '@nestjs/common';
import { PrismaService, isRecordNotFound } from '@callwire/database';

export interface AccountSettings {
  readonly recordDtmf: boolean;
}

/** The settings columns of the caller's own account. */
@Injectable()
export class AccountSettingsRepository {
  constructor(private readonly prisma: PrismaService) {}

  find(accountId: string): Promise<AccountSettings | null> {
    return this.prisma.account.findUnique({ where: { id: accountId }, select: { recordDtmf: true } });
  }

  /** Null when the account is gone. */
  async update(accountId: string, changes: Partial<AccountSettings>): Promise<AccountSettings | null> {
    try {
      return await this.prisma.account.update({
        where: { id: accountId },
        data: changes,
        select: { recordDtmf: true },
      });
    } catch (error) {
      if (isRecordNotFound(error)) return null;
      throw error;
    }
  }
}
