import { ProblemException } from '../common/problem';
import type { AccountSettingsRepository } from './account-settings.repository';
import { AccountSettingsService } from './account-settings.service';

describe(AccountSettingsService.name, () => {
  const repository = { find: jest.fn(), update: jest.fn() };
  const service = new AccountSettingsService(repository as unknown as AccountSettingsRepository);

  beforeEach(() => jest.resetAllMocks());

  it('reads and changes recordDtmf of the calling account only', async () => {
    repository.find.mockResolvedValue({ recordDtmf: false });
    expect(await service.get('a1')).toEqual({ recordDtmf: false });
    expect(repository.find).toHaveBeenCalledWith('a1');
    repository.update.mockResolvedValue({ recordDtmf: true });
    expect(await service.update('a1', { recordDtmf: true })).toEqual({ recordDtmf: true });
    expect(repository.update).toHaveBeenCalledWith('a1', { recordDtmf: true });
  });

  it('refuses an empty change, and answers 404 for an account that is gone', async () => {
    await expect(service.update('a1', {})).rejects.toBeInstanceOf(ProblemException);
    expect(repository.update).not.toHaveBeenCalled();
    repository.find.mockResolvedValue(null);
    await expect(service.get('a1')).rejects.toMatchObject({ status: 404 });
    repository.update.mockResolvedValue(null);
    await expect(service.update('a1', { recordDtmf: false })).rejects.toMatchObject({ status: 404 });
  });
});
