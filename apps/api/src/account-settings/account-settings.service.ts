import { HttpStatus, Injectable } from '@nestjs/common';
import { NotFoundProblemException, ProblemException, problem } from '../common/problem';
import { AccountSettingsRepository } from './account-settings.repository';
import type { AccountSettingsDto, UpdateAccountSettingsDto } from './dto/account-settings.dto';

@Injectable()
export class AccountSettingsService {
  constructor(private readonly settings: AccountSettingsRepository) {}

  async get(accountId: string): Promise<AccountSettingsDto> {
    const settings = await this.settings.find(accountId);
    if (!settings) throw new NotFoundProblemException('Account');
    return { recordDtmf: settings.recordDtmf };
  }

  /** The worker reads recordDtmf with each digit: a change applies to the next digit. */
  async update(accountId: string, dto: UpdateAccountSettingsDto): Promise<AccountSettingsDto> {
    if (dto.recordDtmf === undefined) {
      throw new ProblemException(problem(HttpStatus.BAD_REQUEST, 'Nothing to update: send recordDtmf.'));
    }
    const settings = await this.settings.update(accountId, { recordDtmf: dto.recordDtmf });
    if (!settings) throw new NotFoundProblemException('Account');
    return { recordDtmf: settings.recordDtmf };
  }
}
