import { applyDecorators } from '@nestjs/common';
import type { DtmfMode, SrtpPolicy } from '@callwire/database';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateBy,
  ValidateNested,
  type ValidationArguments,
} from 'class-validator';
import { GATEWAY_DEFAULTS, GATEWAY_TRANSPORTS, type GatewayTransport, gatewayKey } from '@callwire/database';
import { NestedObject, NullableField, OptionalField } from '../../common/field.validators';
import { PageMetaDto } from '../../common/pagination';
import { DtmfModeField, DtmfModeProperty } from '../../common/dtmf-mode';
import { SrtpPolicyField, SrtpPolicyProperty } from '../../common/srtp-policy';
import { MAX_RESOURCE_NAME_LENGTH, NoControlCharacters, ResourceName } from '../../common/text.validators';
import { normalizeHost, parseCidr } from '../network-address';

export const MAX_GATEWAYS = 16;
export const MAX_ALLOWED_ADDRESSES = 100;
export const DEFAULT_REGISTER_EXPIRES = 3600;
/** The edge's registration table (uacreg) holds 64 characters for the gateway host and the credentials. */
const MAX_EDGE_FIELD_LENGTH = 64;
const MAX_DOMAIN_LENGTH = 253;
const INBOUND_USERNAME_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;
/** Visible ASCII but `"` and `\`: the username travels quoted in the Authorization header. */
const CARRIER_USERNAME_PATTERN = /^[!#-[\]-~]+$/;
/** E.164, or digits only for carriers that want another form. */
const CALLER_ID_PATTERN = /^(?:\+[1-9][0-9]{1,14}|[0-9]{1,15})$/;

/** A hostname, an IPv4 address or an IPv6 address (with or without brackets). */
function IsSipHost(maxLength: number): PropertyDecorator {
  return ValidateBy({
    name: 'isSipHost',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' && value.length <= maxLength && normalizeHost(value) !== null,
      defaultMessage: ({ property }: ValidationArguments) =>
        `${property} must be a hostname, an IPv4 address or an IPv6 address (at most ${maxLength} characters)`,
    },
  });
}

/** Every value is a CIDR or a bare IP address; the message names the bad ones and why. */
function IsAddressRules(): PropertyDecorator {
  const errorOf = (value: unknown) => {
    if (typeof value !== 'string') return `${String(value)} must be a string`;
    const parsed = parseCidr(value);
    return 'error' in parsed ? `${value} ${parsed.error}` : null;
  };
  return ValidateBy(
    {
      name: 'isAddressRule',
      validator: {
        validate: (value: unknown) => errorOf(value) === null,
        defaultMessage: ({ property, value }: ValidationArguments) => {
          const errors = (Array.isArray(value) ? value : [value]).map(errorOf).filter((error) => error !== null);
          return `each value in ${property} must be an IP address or CIDR: ${errors.join('; ')}`;
        },
      },
    },
    { each: true },
  );
}

/** Credentials toward the carrier: the username travels quoted in the Authorization header. */
function CarrierUsername(): PropertyDecorator {
  return applyDecorators(
    IsString(),
    MaxLength(MAX_EDGE_FIELD_LENGTH),
    Matches(CARRIER_USERNAME_PATTERN, { message: 'username must be visible ASCII characters other than " and \\' }),
  );
}

function CarrierPassword(): PropertyDecorator {
  return applyDecorators(IsString(), MinLength(1), MaxLength(MAX_EDGE_FIELD_LENGTH), NoControlCharacters());
}

/** The identity of a gateway as it will be stored (defaults applied), for ArrayUnique. */
function gatewayIdentity(gateway: CarrierGatewayInputDto): unknown {
  if (typeof gateway?.host !== 'string') return gateway;
  return gatewayKey({
    host: normalizeHost(gateway.host) ?? gateway.host,
    port: gateway.port ?? GATEWAY_DEFAULTS.port,
    transport: gateway.transport ?? GATEWAY_DEFAULTS.transport,
  });
}

export class CarrierGatewayInputDto {
  @ApiProperty({
    example: 'sip.carrier.example',
    description:
      'A hostname, an IPv4 address or an IPv6 address (stored without brackets, canonical): public addresses ' +
      'only unless the operator allows the network (EGRESS_ALLOWED_NETWORKS).',
  })
  @IsSipHost(MAX_EDGE_FIELD_LENGTH)
  host!: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 65535, default: GATEWAY_DEFAULTS.port })
  @OptionalField()
  @IsInt()
  @Min(1)
  @Max(65535)
  port?: number;

  @ApiPropertyOptional({ enum: GATEWAY_TRANSPORTS, default: GATEWAY_DEFAULTS.transport })
  @OptionalField()
  @IsIn(GATEWAY_TRANSPORTS)
  transport?: GatewayTransport;

  @ApiPropertyOptional({ minimum: 0, maximum: 1000, default: GATEWAY_DEFAULTS.priority, description: 'Lower first.' })
  @OptionalField()
  @IsInt()
  @Min(0)
  @Max(1000)
  priority?: number;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 1000,
    default: GATEWAY_DEFAULTS.weight,
    description: 'Share of the calls among gateways of the same priority.',
  })
  @OptionalField()
  @IsInt()
  @Min(1)
  @Max(1000)
  weight?: number;
}

export class CarrierInboundAuthInputDto {
  @ApiProperty({
    example: 'acme-trunk',
    pattern: INBOUND_USERNAME_PATTERN.source,
    description: 'Unique platform-wide.',
  })
  @IsString()
  @Matches(INBOUND_USERNAME_PATTERN, { message: 'username must be 1 to 64 letters, digits and ._-' })
  username!: string;

  @ApiProperty({ minLength: 8, maxLength: 128, writeOnly: true })
  @IsString()
  @MinLength(8)
  @MaxLength(128)
  @NoControlCharacters()
  password!: string;
}

/** Credentials the edge presents to the carrier: stored as given, never returned. */
export class CarrierCredentialsInputDto {
  @ApiProperty({ maxLength: MAX_EDGE_FIELD_LENGTH, example: '4155550100' })
  @CarrierUsername()
  username!: string;

  @ApiProperty({ minLength: 1, maxLength: MAX_EDGE_FIELD_LENGTH, writeOnly: true })
  @CarrierPassword()
  password!: string;
}

export class CarrierInboundInputDto {
  @ApiPropertyOptional({
    type: [String],
    example: ['203.0.113.0/24', '198.51.100.7'],
    maxItems: MAX_ALLOWED_ADDRESSES,
    description: 'Source addresses the carrier calls from: CIDRs or bare addresses (stored as /32 or /128).',
  })
  @OptionalField()
  @IsArray()
  @ArrayMaxSize(MAX_ALLOWED_ADDRESSES)
  @IsAddressRules()
  allowedAddresses?: string[];

  @ApiPropertyOptional({
    type: CarrierInboundAuthInputDto,
    nullable: true,
    description: 'Digest credentials the carrier authenticates its calls with; null removes them.',
  })
  @NullableField()
  @NestedObject(CarrierInboundAuthInputDto)
  auth?: CarrierInboundAuthInputDto | null;
}

/** Registration settings but `enabled`. */
class CarrierRegisterSettingsDto {
  @ApiPropertyOptional({ minimum: 60, maximum: 86_400, default: DEFAULT_REGISTER_EXPIRES })
  @OptionalField()
  @IsInt()
  @Min(60)
  @Max(86_400)
  expires?: number;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: MAX_EDGE_FIELD_LENGTH,
    description: "The registration's user and digest username; outbound.auth's when absent.",
  })
  @NullableField()
  @CarrierUsername()
  username?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: MAX_EDGE_FIELD_LENGTH,
    writeOnly: true,
    description: "outbound.auth's when absent.",
  })
  @NullableField()
  @CarrierPassword()
  password?: string | null;
}

const REGISTER_ENABLED_DESCRIPTION = 'Keep a registration with the carrier (toward its first gateway).';

export class CarrierRegisterInputDto extends CarrierRegisterSettingsDto {
  @ApiProperty({ description: REGISTER_ENABLED_DESCRIPTION })
  @IsBoolean()
  enabled!: boolean;
}

export class UpdateCarrierRegisterInputDto extends CarrierRegisterSettingsDto {
  @ApiPropertyOptional({ description: REGISTER_ENABLED_DESCRIPTION })
  @OptionalField()
  @IsBoolean()
  enabled?: boolean;
}

/** Outbound settings but `register`. */
class CarrierOutboundSettingsDto {
  @ApiPropertyOptional({
    type: [CarrierGatewayInputDto],
    maxItems: MAX_GATEWAYS,
    description:
      'Where calls to the carrier go, tried by priority (lower first), then by weight. In PATCH, the full new ' +
      'list: a gateway with the host, port and transport of an existing one keeps its id and health.',
  })
  @OptionalField()
  @IsArray()
  @ArrayMaxSize(MAX_GATEWAYS)
  @ArrayUnique(gatewayIdentity, { message: 'gateways must not repeat a host, port and transport' })
  @ValidateNested({ each: true })
  @Type(() => CarrierGatewayInputDto)
  gateways?: CarrierGatewayInputDto[];

  @ApiPropertyOptional({
    type: CarrierCredentialsInputDto,
    nullable: true,
    description: 'Digest credentials for calls to the carrier (the password is never returned); null removes them.',
  })
  @NullableField()
  @NestedObject(CarrierCredentialsInputDto)
  auth?: CarrierCredentialsInputDto | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'carrier.example', description: 'Domain of From.' })
  @NullableField()
  @IsSipHost(MAX_DOMAIN_LENGTH)
  fromDomain?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '+14155550100',
    pattern: CALLER_ID_PATTERN.source,
    description: 'Caller ID for calls to the carrier: E.164 or digits.',
  })
  @NullableField()
  @IsString()
  @Matches(CALLER_ID_PATTERN, { message: 'callerIdNumber must be an E.164 number or up to 15 digits' })
  callerIdNumber?: string | null;
}

export class CreateCarrierOutboundInputDto extends CarrierOutboundSettingsDto {
  @ApiPropertyOptional({
    type: CarrierRegisterInputDto,
    description: 'Needs a gateway, and credentials: username and password here or outbound.auth.',
  })
  @OptionalField()
  @NestedObject(CarrierRegisterInputDto)
  register?: CarrierRegisterInputDto;
}

export class UpdateCarrierOutboundInputDto extends CarrierOutboundSettingsDto {
  @ApiPropertyOptional({ type: UpdateCarrierRegisterInputDto, description: 'The fields given replace those fields.' })
  @OptionalField()
  @NestedObject(UpdateCarrierRegisterInputDto)
  register?: UpdateCarrierRegisterInputDto;
}

export class CreateCarrierDto {
  @ApiProperty({ maxLength: MAX_RESOURCE_NAME_LENGTH, example: 'Carrier X' })
  @ResourceName()
  name!: string;

  @ApiPropertyOptional({ default: true, description: 'A disabled carrier takes and gets no calls.' })
  @OptionalField()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({ type: CarrierInboundInputDto })
  @OptionalField()
  @NestedObject(CarrierInboundInputDto)
  inbound?: CarrierInboundInputDto;

  @ApiPropertyOptional({ type: CreateCarrierOutboundInputDto })
  @OptionalField()
  @NestedObject(CreateCarrierOutboundInputDto)
  outbound?: CreateCarrierOutboundInputDto;

  @SrtpPolicyField('off')
  srtp?: SrtpPolicy;

  @DtmfModeField('rfc4733')
  dtmf?: DtmfMode;
}

/** Every field optional; in inbound and outbound (and outbound.register), the fields given replace those fields. */
export class UpdateCarrierDto {
  @ApiPropertyOptional({ maxLength: MAX_RESOURCE_NAME_LENGTH, example: 'Carrier X' })
  @OptionalField()
  @ResourceName()
  name?: string;

  @ApiPropertyOptional({ description: 'A disabled carrier takes and gets no calls and keeps no registration.' })
  @OptionalField()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({ type: CarrierInboundInputDto, description: 'The fields given replace those fields.' })
  @OptionalField()
  @NestedObject(CarrierInboundInputDto)
  inbound?: CarrierInboundInputDto;

  @ApiPropertyOptional({ type: UpdateCarrierOutboundInputDto, description: 'The fields given replace those fields.' })
  @OptionalField()
  @NestedObject(UpdateCarrierOutboundInputDto)
  outbound?: UpdateCarrierOutboundInputDto;

  @SrtpPolicyField()
  srtp?: SrtpPolicy;

  @DtmfModeField()
  dtmf?: DtmfMode;
}

export class CarrierCredentialDto {
  @ApiProperty() username!: string;
}

export class CarrierInboundDto {
  @ApiProperty({ type: [String], example: ['203.0.113.0/24', '198.51.100.7/32'] }) allowedAddresses!: string[];
  @ApiProperty({ type: CarrierCredentialDto, nullable: true }) auth!: CarrierCredentialDto | null;
}

export class CarrierGatewayHealthDto {
  @ApiProperty({ enum: ['unknown', 'up', 'down'], description: 'From the OPTIONS checks of the worker.' })
  status!: string;
  @ApiProperty({ type: String, nullable: true, example: '200 OK' }) lastResponse!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Since when in this status.' })
  since!: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastCheckedAt!: Date | null;
}

export class CarrierGatewayDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'sip.carrier.example' }) host!: string;
  @ApiProperty({ example: 5060 }) port!: number;
  @ApiProperty({ enum: GATEWAY_TRANSPORTS }) transport!: string;
  @ApiProperty({ example: 10 }) priority!: number;
  @ApiProperty({ example: 1 }) weight!: number;
  @ApiProperty({ type: CarrierGatewayHealthDto }) health!: CarrierGatewayHealthDto;
}

export class CarrierRegistrationDto {
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ example: DEFAULT_REGISTER_EXPIRES }) expires!: number;
  @ApiProperty({ type: String, nullable: true, description: 'register.username as set (not outbound.auth).' })
  username!: string | null;
  @ApiProperty({
    enum: ['unregistered', 'registering', 'registered', 'failed'],
    description: "The edge's registration with the carrier, as the worker last read it.",
  })
  state!: string;
  @ApiProperty({ type: String, nullable: true, example: '403 Forbidden' }) detail!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) since!: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) expiresAt!: Date | null;
}

export class CarrierOutboundDto {
  @ApiProperty({ type: [CarrierGatewayDto], description: 'By priority (lower first), then oldest first.' })
  gateways!: CarrierGatewayDto[];
  @ApiProperty({ type: CarrierCredentialDto, nullable: true, description: 'The password is never returned.' })
  auth!: CarrierCredentialDto | null;
  @ApiProperty({ type: CarrierRegistrationDto }) register!: CarrierRegistrationDto;
  @ApiProperty({ type: String, nullable: true }) fromDomain!: string | null;
  @ApiProperty({ type: String, nullable: true }) callerIdNumber!: string | null;
}

export class CarrierDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ type: CarrierInboundDto }) inbound!: CarrierInboundDto;
  @ApiProperty({ type: CarrierOutboundDto }) outbound!: CarrierOutboundDto;
  @SrtpPolicyProperty() srtp!: SrtpPolicy;
  @DtmfModeProperty() dtmf!: DtmfMode;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: Date;
}

export class CarrierPageDto extends PageMetaDto {
  @ApiProperty({ type: [CarrierDto] }) data!: CarrierDto[];
}
