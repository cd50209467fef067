import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccountAuth, CurrentAccountId } from '../auth/auth.decorators';
import { AccountSettingsService } from './account-settings.service';
import { AccountSettingsDto, UpdateAccountSettingsDto } from './dto/account-settings.dto';

@ApiTags('Account settings')
@AccountAuth()
@Controller('account-settings')
export class AccountSettingsController {
  constructor(private readonly settings: AccountSettingsService) {}

  @Get()
  @ApiOperation({ summary: 'The calling account’s settings.' })
  @ApiOkResponse({ type: AccountSettingsDto })
  get(@CurrentAccountId() accountId: string): Promise<AccountSettingsDto> {
    return this.settings.get(accountId);
  }

  @Patch()
  @ApiOperation({ summary: 'Change the calling account’s settings (the fields given).' })
  @ApiOkResponse({ type: AccountSettingsDto })
  update(@CurrentAccountId() accountId: string, @Body() dto: UpdateAccountSettingsDto): Promise<AccountSettingsDto> {
    return this.settings.update(accountId, dto);
  }
}
