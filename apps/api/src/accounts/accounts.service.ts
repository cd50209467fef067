import { Inject, Injectable } from '@nestjs/common';
import { CALLWIRE_CONFIG, type CallwireConfig } from '@callwire/config';
import { type Account, isUniqueViolation } from '@callwire/database';
import { type Page, toPage, toPageRequest } from '../common/pagination';
import { ConflictProblemException, NotFoundProblemException } from '../common/problem';
import { AccountsRepository } from './accounts.repository';
import type { AccountDto, AccountListQueryDto, CreateAccountDto } from './dto/account.dto';
import { deriveSipDomain } from './sip-domain';

const DERIVED_DOMAIN_ATTEMPTS = 4;

function toDto({ id, name, sipDomain, createdAt }: Account): AccountDto {
  return { id, name, sipDomain, createdAt };
}

@Injectable()
export class AccountsService {
  constructor(
    @Inject(CALLWIRE_CONFIG) private readonly config: CallwireConfig,
    private readonly accounts: AccountsRepository,
  ) {}

  async create(dto: CreateAccountDto): Promise<AccountDto> {
    if (dto.sipDomain) {
      try {
        return toDto(await this.accounts.create(dto.name, dto.sipDomain));
      } catch (error) {
        if (isUniqueViolation(error))
          throw new ConflictProblemException(`sipDomain ${dto.sipDomain} is already taken.`);
        throw error;
      }
    }
    // A derived domain that collides gets a random tag; the caller never sees the collision.
    for (let attempt = 0; ; attempt++) {
      try {
        return toDto(
          await this.accounts.create(dto.name, deriveSipDomain(dto.name, this.config.sipDomainSuffix, attempt)),
        );
      } catch (error) {
        if (!isUniqueViolation(error) || attempt + 1 >= DERIVED_DOMAIN_ATTEMPTS) throw error;
      }
    }
  }

  async list(query: AccountListQueryDto): Promise<Page<AccountDto>> {
    const page = toPageRequest(query);
    return toPage(await this.accounts.list(page, query.q?.trim() || undefined), page, toDto);
  }

  async get(id: string): Promise<AccountDto> {
    const account = await this.accounts.findById(id);
    if (!account) throw new NotFoundProblemException('Account');
    return toDto(account);
  }

  async delete(id: string): Promise<void> {
    if (!(await this.accounts.delete(id))) throw new NotFoundProblemException('Account');
  }
}
