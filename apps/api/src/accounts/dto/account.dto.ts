import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { PageMetaDto, PageQueryDto } from '../../common/pagination';
import { OptionalField } from '../../common/field.validators';
import { NoControlCharacters } from '../../common/text.validators';
import { SIP_DOMAIN_PATTERN } from '../sip-domain';

export class CreateAccountDto {
  @ApiProperty({ example: 'Acme Inc', maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  @NoControlCharacters()
  name!: string;

  @ApiPropertyOptional({
    example: 'acme.sip.example.com',
    description: 'SIP domain and digest realm of the account. Default: derived from the name.',
  })
  @OptionalField()
  @IsString()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.toLowerCase() : value))
  @Matches(SIP_DOMAIN_PATTERN, { message: 'sipDomain must be a hostname such as acme.sip.example.com' })
  sipDomain?: string;
}

const MAX_LIMIT = 1_000_000;

/** An account's own limits, set by the admin. `null` (or absent): the platform default / no limit. */
export class AccountLimitsDto {
  @ApiProperty({
    type: Number,
    nullable: true,
    minimum: 1,
    maximum: MAX_LIMIT,
    example: 20,
    description:
      'API requests per second over all of the account’s keys and sessions (429 beyond). null: API_RATE_LIMIT_PER_ACCOUNT.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_LIMIT)
  requestsPerSecond!: number | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    minimum: 0,
    maximum: MAX_LIMIT,
    example: 10,
    description: 'Calls of the account at the SIP edge at once (the edge refuses more). null: no limit.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_LIMIT)
  concurrentCalls!: number | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    minimum: 0,
    maximum: MAX_LIMIT,
    example: 50,
    description: 'Registered contacts of the account at the SIP edge (the edge refuses more). null: no limit.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_LIMIT)
  registrations!: number | null;
}

export class AccountDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() sipDomain!: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ type: AccountLimitsDto }) limits!: AccountLimitsDto;
}

/** GET /v1/accounts: newest first, optionally only those whose name or SIP domain contains `q`. */
export class AccountListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    maxLength: 100,
    example: 'acme',
    description: 'Only accounts whose name or sipDomain contains this text (case-insensitive).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class AccountPageDto extends PageMetaDto {
  @ApiProperty({ type: [AccountDto] }) data!: AccountDto[];
}
