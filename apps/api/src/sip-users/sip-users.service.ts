import { HttpStatus, Injectable } from '@nestjs/common';
import {
  AccountsRepository,
  type SipUser,
  type SipUserChanges,
  SipUsersRepository,
  isUniqueViolation,
} from '@callwire/database';
import { computeHa1 } from '../common/ha1';
import { type Page, type PageQueryDto, toPage, toPageRequest } from '../common/pagination';
import { ConflictProblemException, NotFoundProblemException, ProblemException, problem } from '../common/problem';
import { ClientTokenService } from '../client-tokens/client-tokens.service';
import { EdgeSyncProducer } from '../edge/edge-sync.producer';
import type { CreateSipUserDto, SipUserDto, UpdateSipUserDto } from './dto/sip-user.dto';

function toDto(user: Omit<SipUser, 'ha1'>, sipDomain: string): SipUserDto {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    enabled: user.enabled,
    srtp: user.srtp,
    dtmf: user.dtmf,
    sipUri: `sip:${user.username}@${sipDomain}`,
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
  };
}

@Injectable()
export class SipUsersService {
  constructor(
    private readonly sipUsers: SipUsersRepository,
    private readonly accounts: AccountsRepository,
    private readonly edge: EdgeSyncProducer,
    private readonly clientTokens: ClientTokenService,
  ) {}

  async create(accountId: string, dto: CreateSipUserDto): Promise<SipUserDto> {
    const sipDomain = await this.sipDomainOf(accountId);
    try {
      const user = await this.sipUsers.create(accountId, {
        username: dto.username,
        displayName: dto.displayName ?? null,
        ha1: computeHa1(dto.username, sipDomain, dto.password),
        srtp: dto.srtp,
        dtmf: dto.dtmf,
      });
      return toDto(user, sipDomain);
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictProblemException(`SIP user ${dto.username} already exists.`);
      throw error;
    }
  }

  async list(accountId: string, query: PageQueryDto): Promise<Page<SipUserDto>> {
    const page = toPageRequest(query);
    return toPage(await this.sipUsers.list(accountId, page), page, (user) => toDto(user, user.sipDomain));
  }

  async get(accountId: string, id: string): Promise<SipUserDto> {
    const [sipDomain, user] = await Promise.all([this.sipDomainOf(accountId), this.sipUsers.findById(accountId, id)]);
    if (!user) throw new NotFoundProblemException('SIP user');
    return toDto(user, sipDomain);
  }

  async update(accountId: string, id: string, dto: UpdateSipUserDto): Promise<SipUserDto> {
    if (
      dto.password === undefined &&
      dto.displayName === undefined &&
      dto.enabled === undefined &&
      dto.srtp === undefined &&
      dto.dtmf === undefined
    ) {
      throw new ProblemException(
        problem(HttpStatus.BAD_REQUEST, 'Nothing to update: send password, displayName, enabled, srtp or dtmf.'),
      );
    }
    const sipDomain = await this.sipDomainOf(accountId);
    // The edge reads the SRTP policy and DTMF mode from the database on each call: no edge update is needed.
    const changes: SipUserChanges = {
      displayName: dto.displayName,
      enabled: dto.enabled,
      srtp: dto.srtp,
      dtmf: dto.dtmf,
    };
    let user: SipUser | null;
    if (dto.password === undefined) {
      user = await this.sipUsers.update(accountId, id, changes);
    } else {
      // HA1 covers the username, so the new digest needs the stored username.
      const existing = await this.sipUsers.findById(accountId, id);
      if (!existing) throw new NotFoundProblemException('SIP user');
      user = await this.sipUsers.update(accountId, id, {
        ...changes,
        ha1: computeHa1(existing.username, sipDomain, dto.password),
      });
    }
    if (!user) throw new NotFoundProblemException('SIP user');
    // Devices registered with the old password, or by a user now disabled, are dropped at the edge.
    if (dto.password !== undefined) await this.edge.deregisterUser(user.username, sipDomain, 'credentials-rotated');
    else if (dto.enabled === false) await this.edge.deregisterUser(user.username, sipDomain, 'disabled');
    // A disabled user's browser tokens stop working as well (re-enabling does not bring them back).
    if (dto.enabled === false) await this.clientTokens.revokeAllOfSipUser(accountId, id);
    return toDto(user, sipDomain);
  }

  async delete(accountId: string, id: string): Promise<void> {
    // Before the row goes: its tokens are found through it.
    await this.clientTokens.revokeAllOfSipUser(accountId, id);
    const user = await this.sipUsers.delete(accountId, id);
    if (!user) throw new NotFoundProblemException('SIP user');
    await this.edge.deregisterUser(user.username, await this.sipDomainOf(accountId), 'deleted');
  }

  /** The account's SIP domain; the account exists because its key just authenticated. */
  private async sipDomainOf(accountId: string): Promise<string> {
    const sipDomain = await this.accounts.findSipDomain(accountId);
    if (!sipDomain) throw new NotFoundProblemException('Account');
    return sipDomain;
  }
}
