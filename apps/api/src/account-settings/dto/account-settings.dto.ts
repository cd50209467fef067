import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import { OptionalField } from '../../common/field.validators';

const RECORD_DTMF =
  'Keep the DTMF digits sent during the account’s calls on the call records (dtmfDigits), whether sent as RFC 4733 ' +
  'telephone-events or SIP INFO. Off by default: digits are often PINs or card numbers. Digits sent while it is ' +
  'off are never stored.';

/** The calling account's own settings. */
export class AccountSettingsDto {
  @ApiProperty({ description: RECORD_DTMF }) recordDtmf!: boolean;
}

export class UpdateAccountSettingsDto {
  @ApiPropertyOptional({ description: RECORD_DTMF })
  @OptionalField()
  @IsBoolean()
  recordDtmf?: boolean;
}
