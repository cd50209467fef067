import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { encodeClientToken, identitySipUser } from '@callwire/client-token';
import { CALLWIRE_CONFIG, type CallwireConfig } from '@callwire/config';
import {
  AccountsRepository,
  type ClientToken,
  ClientTokensRepository,
  type NewClientToken,
  SipUsersRepository,
} from '@callwire/database';
import { ConflictProblemException, NotFoundProblemException, ProblemException, problem } from '../common/problem';
import { EdgeSyncProducer } from '../edge/edge-sync.producer';
import { type Page, type PageQueryDto, toPage, toPageRequest } from '../common/pagination';
import {
  type ClientTokenDto,
  type ClientTokenSummaryDto,
  type CreateClientTokenDto,
  DEFAULT_TTL_SECONDS,
  type IceServerDto,
} from './dto/client-token.dto';
import { ephemeralPassword, unixSeconds } from './ephemeral-credentials';

/** The edge's default longest registration (SIP_MAX_EXPIRES); a token's registrations never outlive it either. */
const MAX_REGISTER_EXPIRES_S = 3600;

/** Issues and revokes the short-lived credentials browsers connect with. */
@Injectable()
export class ClientTokenService {
  constructor(
    @Inject(CALLWIRE_CONFIG) private readonly config: CallwireConfig,
    private readonly tokens: ClientTokensRepository,
    private readonly sipUsers: SipUsersRepository,
    private readonly accounts: AccountsRepository,
    private readonly edge: EdgeSyncProducer,
  ) {}

  async issue(accountId: string, dto: CreateClientTokenDto): Promise<ClientTokenDto> {
    const sipDomain = await this.accounts.findSipDomain(accountId);
    if (!sipDomain) throw new NotFoundProblemException('Account');
    const subject = await this.subjectOf(accountId, dto);
    // Whole seconds: the expiry travels as a unix time inside the signed username.
    const expiresAt = new Date(Math.floor(Date.now() / 1000 + (dto.ttlSeconds ?? DEFAULT_TTL_SECONDS)) * 1000);
    const row = await this.tokens.create(accountId, { ...subject, expiresAt });
    const exp = unixSeconds(expiresAt);
    const username = `${exp}:${row.id}:${row.aorUser}@${sipDomain}`;
    const password = ephemeralPassword(this.config.clientTokens.secret, username, 'sha256');
    const { wsUrl } = this.config.clientTokens;
    const uri = `sip:${row.aorUser}@${sipDomain}`;
    const iceServers = this.iceServers(row, exp);
    return {
      id: row.id,
      token: encodeClientToken({ v: 1, id: row.id, uri, username, password, wsUrl, exp, iceServers }),
      identity: row.identity,
      sipUserId: row.sipUserId,
      sipUri: uri,
      wsUrl,
      expiresAt,
      iceServers,
      sip: {
        uri,
        authorizationUser: username,
        password,
        realm: sipDomain,
        wsServer: wsUrl,
        registerExpiresMax: Math.min(MAX_REGISTER_EXPIRES_S, exp - unixSeconds(new Date())),
      },
    };
  }

  /** The account's tokens that still work (the tokens themselves are never stored, so never listed). */
  async listLive(accountId: string, query: PageQueryDto): Promise<Page<ClientTokenSummaryDto>> {
    const sipDomain = await this.accounts.findSipDomain(accountId);
    if (!sipDomain) throw new NotFoundProblemException('Account');
    const page = toPageRequest(query);
    return toPage(await this.tokens.listLive(accountId, page, new Date()), page, (row) => ({
      id: row.id,
      identity: row.identity,
      sipUserId: row.sipUserId,
      sipUri: `sip:${row.aorUser}@${sipDomain}`,
      createdAt: row.createdAt,
      expiresAt: row.expiresAt,
    }));
  }

  /** Refuses the token at the edge from now on and removes the registrations made with it. Idempotent. */
  async revoke(accountId: string, id: string): Promise<void> {
    const token = await this.tokens.revoke(accountId, id, new Date());
    if (!token) throw new NotFoundProblemException('Client token');
    await this.edge.revokeClientToken(token);
  }

  /** Called when a SIP user is disabled or deleted: its tokens stop working too. */
  async revokeAllOfSipUser(accountId: string, sipUserId: string): Promise<void> {
    const revoked = await this.tokens.revokeAllOfSipUser(accountId, sipUserId, new Date());
    await Promise.all(revoked.map((token) => this.edge.revokeClientToken(token)));
  }

  private async subjectOf(accountId: string, dto: CreateClientTokenDto): Promise<Omit<NewClientToken, 'expiresAt'>> {
    if ((dto.sipUserId === undefined) === (dto.identity === undefined)) {
      throw new ProblemException(problem(HttpStatus.BAD_REQUEST, 'Send either sipUserId or identity, not both.'));
    }
    if (dto.identity !== undefined) {
      return { sipUserId: null, identity: dto.identity, aorUser: identitySipUser(dto.identity) };
    }
    const user = await this.sipUsers.findForToken(accountId, dto.sipUserId ?? '');
    if (!user) throw new NotFoundProblemException('SIP user');
    if (!user.enabled) throw new ConflictProblemException(`SIP user ${user.username} is disabled.`);
    return { sipUserId: user.id, identity: user.username, aorUser: user.username };
  }

  /** STUN, and TURN with credentials coturn checks itself (use-auth-secret), valid as long as the token. */
  private iceServers(token: ClientToken, exp: number): IceServerDto[] {
    const { iceHost, turnPort, turnSecret } = this.config.clientTokens;
    const username = `${exp}:${token.id}`;
    return [
      { urls: [`stun:${iceHost}:${turnPort}`] },
      {
        urls: [`turn:${iceHost}:${turnPort}?transport=udp`, `turn:${iceHost}:${turnPort}?transport=tcp`],
        username,
        credential: ephemeralPassword(turnSecret, username, 'sha1'),
      },
    ];
  }
}
