import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { CLIENT_IDENTITY_PREFIX } from '@callwire/client-token';
import { OptionalField } from '../../common/field.validators';
import { PageMetaDto } from '../../common/pagination';
import { MAX_CLIENT_IDENTITY_LENGTH, SIP_USER_PART_PATTERN } from '../../common/sip-user-part';

export const MIN_TTL_SECONDS = 60;
export const MAX_TTL_SECONDS = 86_400;
export const DEFAULT_TTL_SECONDS = 3600;

export class CreateClientTokenDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Register as this SIP user. Give this or identity.' })
  @ValidateIf((dto: CreateClientTokenDto) => dto.identity === undefined || dto.sipUserId !== undefined)
  @IsUUID('all', { message: 'sipUserId must be a UUID (or send identity instead)' })
  sipUserId?: string;

  @ApiPropertyOptional({
    example: 'bob',
    maxLength: MAX_CLIENT_IDENTITY_LENGTH,
    pattern: SIP_USER_PART_PATTERN.source,
    description: `A free-form client name, reachable as sip:${CLIENT_IDENTITY_PREFIX}<identity>@<sipDomain>.`,
  })
  @ValidateIf((dto: CreateClientTokenDto) => dto.identity !== undefined)
  @IsString()
  @MaxLength(MAX_CLIENT_IDENTITY_LENGTH)
  @Matches(SIP_USER_PART_PATTERN, {
    message: 'identity must be letters, digits and ._~+- (starting with a letter, digit or +)',
  })
  identity?: string;

  @ApiPropertyOptional({ minimum: MIN_TTL_SECONDS, maximum: MAX_TTL_SECONDS, default: DEFAULT_TTL_SECONDS })
  @OptionalField()
  @IsInt()
  @Min(MIN_TTL_SECONDS)
  @Max(MAX_TTL_SECONDS)
  ttlSeconds?: number;
}

/** One entry of RTCConfiguration.iceServers. */
export class IceServerDto {
  @ApiProperty({ type: [String], example: ['turn:edge.example.com:3478?transport=udp'] }) urls!: string[];
  @ApiPropertyOptional() username?: string;
  @ApiPropertyOptional() credential?: string;
}

/**
 * What any SIP-over-WebSocket client (SIP.js, JsSIP, …) needs to register with the token's credentials:
 * the same ones the SDK reads from `token`, spelled out.
 */
export class ClientTokenSipDto {
  @ApiProperty({
    example: 'sip:client.bob@acme.callwire.localhost',
    description: 'Address of record to register (SIP.js `uri`, JsSIP `uri`).',
  })
  uri!: string;

  @ApiProperty({
    example: '1767225600:0190b6c4-…:client.bob@acme.callwire.localhost',
    description:
      'Digest username (SIP.js `authorizationUsername`, JsSIP `authorization_user`): `<expiry>:<token id>:<user>@<sipDomain>`.',
  })
  authorizationUser!: string;

  @ApiProperty({ description: 'Digest password (SIP.js `authorizationPassword`, JsSIP `password`).' })
  password!: string;

  @ApiProperty({ example: 'acme.callwire.localhost', description: "Digest realm: the account's sipDomain." })
  realm!: string;

  @ApiProperty({
    example: 'wss://edge.example.com:8443',
    description: "The edge's SIP-over-WebSocket URL (subprotocol `sip`; SIP.js `transportOptions.server`).",
  })
  wsServer!: string;

  @ApiProperty({
    example: 3600,
    description:
      "Longest registration to ask for, in seconds (REGISTER Expires): never beyond the token's remaining lifetime. The edge lowers longer requests.",
  })
  registerExpiresMax!: number;
}

export class ClientTokenDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({
    description:
      'Opaque: hand it to the browser SDK, `Callwire.Phone.connect({ token })`. Other SIP clients use `sip` and `iceServers`.',
  })
  token!: string;
  @ApiProperty({ description: 'The SIP username, or the client identity.' }) identity!: string;
  @ApiPropertyOptional({ format: 'uuid', type: String, nullable: true }) sipUserId!: string | null;
  @ApiProperty({ example: 'sip:client.bob@acme.callwire.localhost' }) sipUri!: string;
  @ApiProperty({ example: 'wss://edge.example.com:8443' }) wsUrl!: string;
  @ApiProperty() expiresAt!: Date;
  @ApiProperty({
    type: [IceServerDto],
    description: 'STUN and TURN for RTCPeerConnection (TURN credentials valid as long as the token).',
  })
  iceServers!: IceServerDto[];

  @ApiProperty({ type: ClientTokenSipDto }) sip!: ClientTokenSipDto;
}

/** A token as listed: what it is for and until when, never the token itself (only its holder has it). */
export class ClientTokenSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'The SIP username, or the client identity.' }) identity!: string;
  @ApiPropertyOptional({ format: 'uuid', type: String, nullable: true }) sipUserId!: string | null;
  @ApiProperty({ example: 'sip:client.bob@acme.callwire.localhost' }) sipUri!: string;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() expiresAt!: Date;
}

export class ClientTokenPageDto extends PageMetaDto {
  @ApiProperty({ type: [ClientTokenSummaryDto] }) data!: ClientTokenSummaryDto[];
}
