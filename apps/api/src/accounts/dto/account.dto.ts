import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
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

export class AccountDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() sipDomain!: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
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
