import { Inject, Injectable } from '@nestjs/common';
import { CALLWIRE_CONFIG, type CallwireConfig } from '@callwire/config';
import { type Account, AccountsRepository, isUniqueViolation } from '@callwire/database';
import { type Page, toPage, toPageRequest } from '../common/pagination';
import { ConflictProblemException, NotFoundProblemException } from '../common/problem';
import { EdgeSyncProducer } from '../edge/edge-sync.producer';
import type { AccountDto, AccountLimitsDto, AccountListQueryDto, CreateAccountDto } from './dto/account.dto';
import { deriveSipDomain } from './sip-domain';

const DERIVED_DOMAIN_ATTEMPTS = 4;

function toDto(account: Account): AccountDto {
  const { id, name, sipDomain, createdAt } = account;
  return {
    id,
    name,
    sipDomain,
    createdAt,
    limits: {
      requestsPerSecond: account.maxRequestsPerSecond,
      concurrentCalls: account.maxConcurrentCalls,
      registrations: account.maxRegistrations,
    },
  };
}

/** The edge keeps limits only for accounts that have one. */
const hasEdgeLimits = (account: Account): boolean =>
  account.maxConcurrentCalls !== null || account.maxRegistrations !== null;

@Injectable()
export class AccountsService {
  constructor(
    @Inject(CALLWIRE_CONFIG) private readonly config: CallwireConfig,
    private readonly accounts: AccountsRepository,
    private readonly edge: EdgeSyncProducer,
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

  /** Admin only. Requests/s apply within seconds in every API process; the edge's limits through the worker. */
  async setLimits(id: string, limits: AccountLimitsDto): Promise<AccountDto> {
    const account = await this.accounts.setLimits(id, {
      maxRequestsPerSecond: limits.requestsPerSecond ?? null,
      maxConcurrentCalls: limits.concurrentCalls ?? null,
      maxRegistrations: limits.registrations ?? null,
    });
    if (!account) throw new NotFoundProblemException('Account');
    await this.edge.syncAccountLimits(account.sipDomain);
    return toDto(account);
  }

  async delete(id: string): Promise<void> {
    const deleted = await this.accounts.delete(id);
    if (!deleted) throw new NotFoundProblemException('Account');
    // A later account with the same domain must not inherit the limits the edge still holds.
    if (hasEdgeLimits(deleted)) await this.edge.syncAccountLimits(deleted.sipDomain);
    // Its numbers went with it: the edge must not dial them from its cache.
    await this.edge.resetRouteCache(`account ${id} deleted`);
  }
}
