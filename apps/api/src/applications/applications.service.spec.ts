import { randomBytes } from 'node:crypto';
import { EgressPolicy } from '@callwire/egress';
import { decryptSecret } from '@callwire/webhooks';
import { ConflictProblemException, NotFoundProblemException, ProblemException } from '../common/problem';
import type { ApplicationRecord, ApplicationsRepository, PhoneNumbersRepository } from '@callwire/database';
import { ApplicationsService } from './applications.service';
import { testConfig } from '../../../../test/support/test-config';

const KEY = randomBytes(32);
const at = new Date('2026-01-01T00:00:00Z');

function application(overrides: Partial<ApplicationRecord> = {}): ApplicationRecord {
  return {
    id: 'p1',
    accountId: 'a1',
    name: 'IVR',
    voiceUrl: 'https://203.0.113.10/voice',
    fallbackUrl: null,
    statusCallbackUrl: null,
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

describe('ApplicationsService', () => {
  const repository = {
    create: jest.fn(),
    list: jest.fn(),
    findById: jest.fn(),
    update: jest.fn(),
    delete: jest.fn(),
  };
  const phoneNumbers = { countRoutedTo: jest.fn(async () => 0) };
  const config = testConfig({ WEBHOOK_ENCRYPTION_KEY: KEY.toString('base64url') });
  const service = new ApplicationsService(
    config,
    repository as Partial<ApplicationsRepository> as ApplicationsRepository,
    phoneNumbers as Partial<PhoneNumbersRepository> as PhoneNumbersRepository,
    new EgressPolicy(config),
  );

  beforeEach(() => jest.clearAllMocks());

  it('creates an application with a fresh whsec_ secret, stored encrypted and returned once', async () => {
    repository.create.mockResolvedValue(application());
    const created = await service.create('a1', { name: 'IVR', voiceUrl: 'https://203.0.113.10/voice' });
    expect(created.signingSecret).toMatch(/^whsec_/);
    const [accountId, stored] = repository.create.mock.calls[0] as [string, { secretEncrypted: Buffer }];
    expect(accountId).toBe('a1');
    expect(stored).toMatchObject({ name: 'IVR', fallbackUrl: null, statusCallbackUrl: null });
    expect(decryptSecret(KEY, stored.secretEncrypted)).toBe(created.signingSecret);
    expect(created).not.toHaveProperty('accountId');
  });

  it('never shows a secret in get, list or update; an empty patch is refused', async () => {
    repository.findById.mockResolvedValue(application());
    repository.list.mockResolvedValue([application()]);
    repository.update.mockResolvedValue(application());
    const shown = [
      await service.get('a1', 'p1'),
      await service.list('a1', {}),
      await service.update('a1', 'p1', { fallbackUrl: null }),
    ];
    for (const dto of shown) expect(JSON.stringify(dto)).not.toMatch(/secret/i);
    expect(repository.update).toHaveBeenCalledWith('a1', 'p1', expect.objectContaining({ fallbackUrl: null }));
    await expect(service.update('a1', 'p1', {})).rejects.toBeInstanceOf(ProblemException);
  });

  it('rotates the secret: a new one, stored encrypted', async () => {
    repository.update.mockResolvedValue(application());
    const { signingSecret } = await service.rotateSecret('a1', 'p1');
    const changes = repository.update.mock.calls[0]?.[2] as { secretEncrypted: Buffer };
    expect(decryptSecret(KEY, changes.secretEncrypted)).toBe(signingSecret);
  });

  it('refuses to delete an application numbers are routed to, saying how many', async () => {
    phoneNumbers.countRoutedTo.mockResolvedValueOnce(3);
    const refused = service.delete('a1', 'p1');
    await expect(refused).rejects.toBeInstanceOf(ConflictProblemException);
    await expect(refused).rejects.toMatchObject({ problem: { detail: expect.stringMatching(/\b3 phone number/) } });
    expect(phoneNumbers.countRoutedTo).toHaveBeenCalledWith('a1', 'application', 'p1');
    expect(repository.delete).not.toHaveBeenCalled();
    repository.delete.mockResolvedValue(true);
    await service.delete('a1', 'p1');
    expect(repository.delete).toHaveBeenCalledWith('a1', 'p1');
  });

  it('404 when the application is not in the account', async () => {
    repository.findById.mockResolvedValue(null);
    repository.update.mockResolvedValue(null);
    repository.delete.mockResolvedValue(false);
    await expect(service.get('a1', 'p9')).rejects.toBeInstanceOf(NotFoundProblemException);
    await expect(service.update('a1', 'p9', { name: 'x' })).rejects.toBeInstanceOf(NotFoundProblemException);
    await expect(service.delete('a1', 'p9')).rejects.toBeInstanceOf(NotFoundProblemException);
    await expect(service.rotateSecret('a1', 'p9')).rejects.toBeInstanceOf(NotFoundProblemException);
  });
});
