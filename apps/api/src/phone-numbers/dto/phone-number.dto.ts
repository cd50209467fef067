import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateBy,
  isUUID,
  type ValidationArguments,
} from 'class-validator';
import { NestedObject, NullableField, OptionalField } from '../../common/field.validators';
import { PageMetaDto, PageQueryDto } from '../../common/pagination';
import {
  MAX_CLIENT_IDENTITY_LENGTH,
  MAX_SIP_USER_PART_LENGTH,
  RESERVED_USERNAME_PATTERN,
  SIP_USER_PART_PATTERN,
} from '../../common/sip-user-part';
import { E164_MESSAGE, E164_PATTERN } from '../../common/telephone-number';
import { NoControlCharacters } from '../../common/text.validators';
import { ROUTE_TYPES, type RouteType } from '../routes';

const MAX_TARGET_LENGTH = 512;
/** `sip:` or `sips:`, an optional user part, a host (name, IPv4 or [IPv6]), an optional port and parameters. */
const SIP_URI_PATTERN = /^sips?:(?:[^\s@<>"]+@)?(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::[0-9]{1,5})?(?:;[^\s<>"]*)?$/i;

/** What route.target must be for each route type, as a check and the message when it fails. */
const TARGET_RULES: Record<RouteType, { readonly valid: (target: string) => boolean; readonly message: string }> = {
  'sip-user': {
    valid: (target) =>
      target.length <= MAX_SIP_USER_PART_LENGTH &&
      SIP_USER_PART_PATTERN.test(target) &&
      RESERVED_USERNAME_PATTERN.test(target),
    message: 'target must be the username of a SIP user (type sip-user)',
  },
  client: {
    valid: (target) => target.length <= MAX_CLIENT_IDENTITY_LENGTH && SIP_USER_PART_PATTERN.test(target),
    message: `target must be a client identity: up to ${MAX_CLIENT_IDENTITY_LENGTH} letters, digits and ._~+- (type client)`,
  },
  application: {
    valid: (target) => isUUID(target),
    message: 'target must be the id of an application (type application)',
  },
  'sip-uri': {
    valid: (target) => SIP_URI_PATTERN.test(target),
    message: 'target must be a sip: or sips: URI (type sip-uri)',
  },
};

function ruleOf(args: ValidationArguments) {
  const { type } = args.object as Partial<PhoneNumberRouteDto>;
  return ROUTE_TYPES.includes(type as RouteType) ? TARGET_RULES[type as RouteType] : undefined;
}

/** Checks route.target against route.type (an unknown type has its own error). */
function IsRouteTarget(): PropertyDecorator {
  return ValidateBy({
    name: 'isRouteTarget',
    validator: {
      validate: (value: unknown, args?: ValidationArguments) =>
        typeof value === 'string' && (args === undefined || (ruleOf(args)?.valid(value) ?? true)),
      defaultMessage: (args?: ValidationArguments) =>
        (args && ruleOf(args)?.message) ?? 'target does not fit the route type',
    },
  });
}

export class PhoneNumberRouteDto {
  @ApiProperty({ enum: ROUTE_TYPES, description: 'What target names.' })
  @IsIn(ROUTE_TYPES)
  type!: RouteType;

  @ApiProperty({
    maxLength: MAX_TARGET_LENGTH,
    example: 'alice',
    description:
      'sip-user: a SIP username of the account; client: a client identity; application: an application id ' +
      'of the account; sip-uri: a sip: or sips: URI.',
  })
  @IsString()
  @MaxLength(MAX_TARGET_LENGTH)
  @NoControlCharacters()
  @IsRouteTarget()
  target!: string;
}

const carrierIdProperty = {
  type: String,
  format: 'uuid',
  nullable: true,
  description: 'The carrier the number belongs to (a carrier of the account).',
};

export class CreatePhoneNumberDto {
  @ApiProperty({ example: '+14155550100', pattern: E164_PATTERN.source, description: 'Cannot be changed later.' })
  @IsString()
  @Matches(E164_PATTERN, { message: `number ${E164_MESSAGE}` })
  number!: string;

  @ApiPropertyOptional(carrierIdProperty)
  @NullableField()
  @IsUUID('all', { message: 'carrierId must be a UUID' })
  carrierId?: string | null;

  @ApiProperty({ type: PhoneNumberRouteDto })
  @NestedObject(PhoneNumberRouteDto)
  route!: PhoneNumberRouteDto;
}

/** The number itself cannot change. */
export class UpdatePhoneNumberDto {
  @ApiPropertyOptional(carrierIdProperty)
  @NullableField()
  @IsUUID('all', { message: 'carrierId must be a UUID' })
  carrierId?: string | null;

  @ApiPropertyOptional({ type: PhoneNumberRouteDto, description: 'The new route, type and target.' })
  @OptionalField()
  @NestedObject(PhoneNumberRouteDto)
  route?: PhoneNumberRouteDto;
}

export class PhoneNumberQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: '+14155550100', description: 'Only this number.' })
  @OptionalField()
  @IsString()
  @Matches(E164_PATTERN, { message: `number ${E164_MESSAGE}` })
  number?: string;
}

export class PhoneNumberDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '+14155550100' }) number!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) carrierId!: string | null;
  @ApiProperty({ type: PhoneNumberRouteDto }) route!: PhoneNumberRouteDto;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: Date;
}

export class PhoneNumberPageDto extends PageMetaDto {
  @ApiProperty({ type: [PhoneNumberDto] }) data!: PhoneNumberDto[];
}
