import { Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import { type ApiKey, PrismaService } from '@callwire/database';
import { type PageRequest, pageQuery } from '../common/pagination';

export type ApiKeyCredentials = Pick<ApiKey, 'id' | 'accountId' | 'secretHash' | 'expiresAt' | 'revokedAt'>;
export type ApiKeyRecord = Omit<ApiKey, 'secretHash'>;

export interface NewApiKey {
  readonly accountId: string;
  readonly name: string;
  readonly prefix: string;
  readonly secretHash: Buffer;
  readonly expiresAt: Date | null;
}

const PUBLIC_FIELDS = {
  id: true,
  accountId: true,
  name: true,
  prefix: true,
  createdAt: true,
  lastUsedAt: true,
  expiresAt: true,
  revokedAt: true,
} as const;

@Injectable()
export class ApiKeysRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly pool: Pool,
  ) {}

  create(key: NewApiKey): Promise<ApiKeyRecord> {
    return this.prisma.apiKey.create({
      data: { ...key, secretHash: new Uint8Array(key.secretHash) },
      select: PUBLIC_FIELDS,
    });
  }

  /** Runs on every authenticated request, hence plain SQL (see pg-pool.provider.ts). */
  async findCredentialsByPrefix(prefix: string): Promise<ApiKeyCredentials | null> {
    const { rows } = await this.pool.query<ApiKeyCredentials>(
      `SELECT id, account_id AS "accountId", secret_hash AS "secretHash",
              expires_at AT TIME ZONE 'UTC' AS "expiresAt", revoked_at AT TIME ZONE 'UTC' AS "revokedAt"
         FROM api_keys WHERE prefix = $1`,
      [prefix],
    );
    return rows[0] ?? null;
  }

  listForAccount(accountId: string, page: PageRequest): Promise<ApiKeyRecord[]> {
    const query = pageQuery(page);
    return this.prisma.apiKey.findMany({ ...query, where: { accountId, ...query.where }, select: PUBLIC_FIELDS });
  }

  /** Revokes the key if it belongs to the account; false when there is no such key there. */
  async revoke(accountId: string, id: string, at: Date): Promise<boolean> {
    const key = await this.prisma.apiKey.findFirst({ where: { id, accountId }, select: { revokedAt: true } });
    if (!key) return false;
    if (!key.revokedAt) {
      await this.prisma.apiKey.updateMany({ where: { id, accountId, revokedAt: null }, data: { revokedAt: at } });
    }
    return true;
  }
}
