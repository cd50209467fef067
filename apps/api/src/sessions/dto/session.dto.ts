import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';

export class SignInDto {
  @ApiProperty({ description: 'The platform admin key or an account API key. Exchanged for a session cookie.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  apiKey!: string;
}

export class SwitchAccountDto {
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Admin sessions: the account to act on from now on, or null to leave it.',
  })
  @ValidateIf((_dto, value) => value !== null)
  @IsUUID('all', { message: 'accountId must be an account id (UUID) or null' })
  accountId!: string | null;
}

export class SessionAccountDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() sipDomain!: string;
}

export class SessionDto {
  @ApiProperty({ enum: ['admin', 'account'] }) role!: 'admin' | 'account';
  @ApiProperty({
    type: SessionAccountDto,
    nullable: true,
    description: 'The account the session acts on (an admin session: the one switched into, if any).',
  })
  account!: SessionAccountDto | null;
  @ApiProperty({ description: 'Send it as X-CSRF-Token with every POST, PATCH, PUT and DELETE made with the cookie.' })
  csrfToken!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}
