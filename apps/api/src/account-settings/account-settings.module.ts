import { Module } from '@nestjs/common';
import { AccountSettingsController } from './account-settings.controller';
import { AccountSettingsRepository } from './account-settings.repository';
import { AccountSettingsService } from './account-settings.service';

/** The calling account's own settings (GET/PATCH /v1/account-settings): whether its calls keep DTMF digits. */
@Module({
  controllers: [AccountSettingsController],
  providers: [AccountSettingsRepository, AccountSettingsService],
})
export class AccountSettingsModule {}
