import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { NullableField, OptionalField } from '../../common/field.validators';
import type { DtmfMode, SrtpPolicy } from '@callwire/database';
import { DtmfModeField, DtmfModeProperty } from '../../common/dtmf-mode';
import { PageMetaDto } from '../../common/pagination';
import { SrtpPolicyField, SrtpPolicyProperty } from '../../common/srtp-policy';
import { MAX_SIP_USER_PART_LENGTH, RESERVED_USERNAME_PATTERN, SIP_USER_PART_PATTERN } from '../../common/sip-user-part';
import { NoControlCharacters } from '../../common/text.validators';

export class CreateSipUserDto {
  @ApiProperty({ example: 'alice', pattern: SIP_USER_PART_PATTERN.source, maxLength: MAX_SIP_USER_PART_LENGTH })
  @IsString()
  @MaxLength(MAX_SIP_USER_PART_LENGTH)
  @Matches(SIP_USER_PART_PATTERN, {
    message: 'username must be letters, digits and ._~+- (starting with a letter, digit or +)',
  })
  @Matches(RESERVED_USERNAME_PATTERN, {
    message: 'usernames starting with "client." are reserved for client identities',
  })
  username!: string;

  @ApiProperty({ minLength: 8, maxLength: 128, writeOnly: true })
  @IsString()
  @MinLength(8)
  @MaxLength(128)
  @NoControlCharacters()
  password!: string;

  @ApiPropertyOptional({ maxLength: 100, example: 'Alice Liddell', nullable: true, type: String })
  @NullableField()
  @IsString()
  @MaxLength(100)
  @NoControlCharacters()
  displayName?: string | null;

  @SrtpPolicyField('offer')
  srtp?: SrtpPolicy;

  @DtmfModeField('rfc4733')
  dtmf?: DtmfMode;
}

export class UpdateSipUserDto {
  @ApiPropertyOptional({ minLength: 8, maxLength: 128, writeOnly: true, description: 'Rotates the password.' })
  @OptionalField()
  @IsString()
  @MinLength(8)
  @MaxLength(128)
  @NoControlCharacters()
  password?: string;

  @ApiPropertyOptional({ maxLength: 100, nullable: true, type: String })
  @NullableField()
  @IsString()
  @MaxLength(100)
  @NoControlCharacters()
  displayName?: string | null;

  @ApiPropertyOptional({ description: 'A disabled user cannot register or call.' })
  @OptionalField()
  @IsBoolean()
  enabled?: boolean;

  @SrtpPolicyField()
  srtp?: SrtpPolicy;

  @DtmfModeField()
  dtmf?: DtmfMode;
}

export class SipUserDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() username!: string;
  @ApiProperty({ type: String, nullable: true }) displayName!: string | null;
  @ApiProperty() enabled!: boolean;
  @SrtpPolicyProperty() srtp!: SrtpPolicy;
  @DtmfModeProperty() dtmf!: DtmfMode;
  @ApiProperty({ example: 'sip:alice@acme.callwire.localhost' }) sipUri!: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: Date;
}

export class SipUserPageDto extends PageMetaDto {
  @ApiProperty({ type: [SipUserDto] }) data!: SipUserDto[];
}
