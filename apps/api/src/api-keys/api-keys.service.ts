import { HttpStatus, Injectable } from '@nestjs/common';
import { generateApiKey } from '@callwire/auth';
import { type ApiKeyRecord, ApiKeysRepository, isForeignKeyViolation } from '@callwire/database';
import { type Page, type PageQueryDto, toPage, toPageRequest } from '../common/pagination';
import { NotFoundProblemException, ProblemException, problem } from '../common/problem';
import type { ApiKeyDto, CreateApiKeyDto, CreatedApiKeyDto } from './dto/api-key.dto';

function toDto({ id, name, prefix, createdAt, lastUsedAt, expiresAt, revokedAt }: ApiKeyRecord): ApiKeyDto {
  return { id, name, prefix, createdAt, lastUsedAt, expiresAt, revokedAt };
}

@Injectable()
export class ApiKeysService {
  constructor(private readonly apiKeys: ApiKeysRepository) {}

  async issue(accountId: string, dto: CreateApiKeyDto, now = new Date()): Promise<CreatedApiKeyDto> {
    if (dto.expiresAt && dto.expiresAt <= now) {
      throw new ProblemException(problem(HttpStatus.BAD_REQUEST, 'expiresAt must be in the future.'));
    }
    const { key, prefix, secretHash } = generateApiKey();
    try {
      const record = await this.apiKeys.create({
        accountId,
        name: dto.name,
        prefix,
        secretHash,
        expiresAt: dto.expiresAt ?? null,
      });
      return {
        id: record.id,
        name: record.name,
        key,
        prefix,
        createdAt: record.createdAt,
        expiresAt: record.expiresAt,
      };
    } catch (error) {
      if (isForeignKeyViolation(error)) throw new NotFoundProblemException('Account');
      throw error;
    }
  }

  async list(accountId: string, query: PageQueryDto): Promise<Page<ApiKeyDto>> {
    const page = toPageRequest(query);
    return toPage(await this.apiKeys.listForAccount(accountId, page), page, toDto);
  }

  async revoke(accountId: string, id: string): Promise<void> {
    if (!(await this.apiKeys.revoke(accountId, id, new Date()))) throw new NotFoundProblemException('API key');
  }
}
