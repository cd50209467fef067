import { Prisma, type SipUser } from '@callwire/database';
import { computeHa1 } from '../common/ha1';
import { ConflictProblemException, NotFoundProblemException } from '../common/problem';
import type { AccountsRepository } from '@callwire/database';
import type { ClientTokenService } from '../client-tokens/client-tokens.service';
import type { EdgeSyncProducer } from '../edge/edge-sync.producer';
import type { SipUsersRepository } from '@callwire/database';
import { SipUsersService } from './sip-users.service';

const DOMAIN = 'acme.callwire.localhost';

function user(overrides: Partial<SipUser> = {}): SipUser {
  const at = new Date('2026-01-01T00:00:00Z');
  return {
    id: 'u1',
    accountId: 'a1',
    username: 'alice',
    displayName: null,
    enabled: true,
    ha1: 'x'.repeat(32),
    srtp: 'offer',
    dtmf: 'rfc4733',
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

describe('SipUsersService', () => {
  const accounts = { findSipDomain: jest.fn(async () => DOMAIN) };
  const repository = {
    create: jest.fn(),
    list: jest.fn(),
    findById: jest.fn(),
    update: jest.fn(),
    delete: jest.fn(),
  };
  const edge = { deregisterUser: jest.fn(async () => undefined) };
  const clientTokens = { revokeAllOfSipUser: jest.fn(async () => undefined) };
  const service = new SipUsersService(
    repository as Partial<SipUsersRepository> as SipUsersRepository,
    accounts as Pick<AccountsRepository, 'findSipDomain'> as AccountsRepository,
    edge as Pick<EdgeSyncProducer, 'deregisterUser'> as EdgeSyncProducer,
    clientTokens as Pick<ClientTokenService, 'revokeAllOfSipUser'> as ClientTokenService,
  );

  beforeEach(() => jest.clearAllMocks());

  it('hashes the password into HA1 with the account realm and returns the sipUri', async () => {
    repository.create.mockResolvedValue(user());
    const dto = await service.create('a1', { username: 'alice', password: 'wonderland' });
    expect(repository.create).toHaveBeenCalledWith('a1', {
      username: 'alice',
      displayName: null,
      ha1: computeHa1('alice', DOMAIN, 'wonderland'),
    });
    expect(dto.sipUri).toBe(`sip:alice@${DOMAIN}`);
    expect(dto).not.toHaveProperty('ha1');
  });

  it('stores the SRTP policy asked for and returns it', async () => {
    repository.create.mockResolvedValue(user({ srtp: 'require' }));
    const dto = await service.create('a1', { username: 'alice', password: 'wonderland', srtp: 'require' });
    expect(repository.create).toHaveBeenCalledWith('a1', expect.objectContaining({ srtp: 'require' }));
    expect(dto.srtp).toBe('require');
  });

  it('updates the SRTP policy alone, without touching registrations', async () => {
    repository.update.mockResolvedValue(user({ srtp: 'off' }));
    const dto = await service.update('a1', 'u1', { srtp: 'off' });
    expect(repository.update).toHaveBeenCalledWith('a1', 'u1', expect.objectContaining({ srtp: 'off' }));
    expect(dto.srtp).toBe('off');
    expect(edge.deregisterUser).not.toHaveBeenCalled();
  });

  it('maps a unique violation to 409', async () => {
    repository.create.mockRejectedValue(
      new Prisma.PrismaClientKnownRequestError('dup', { code: 'P2002', clientVersion: 'x' }),
    );
    await expect(service.create('a1', { username: 'alice', password: 'wonderland' })).rejects.toBeInstanceOf(
      ConflictProblemException,
    );
  });

  it('re-hashes with the stored username when the password rotates', async () => {
    repository.findById.mockResolvedValue(user({ username: 'alice' }));
    repository.update.mockResolvedValue(user());
    await service.update('a1', 'u1', { password: 'new-password' });
    expect(repository.update).toHaveBeenCalledWith(
      'a1',
      'u1',
      expect.objectContaining({ ha1: computeHa1('alice', DOMAIN, 'new-password') }),
    );
    expect(edge.deregisterUser).toHaveBeenCalledWith('alice', DOMAIN, 'credentials-rotated');
  });

  it('drops the registrations of a disabled or deleted user at the edge, not of a renamed one', async () => {
    repository.update.mockResolvedValue(user({ enabled: false }));
    await service.update('a1', 'u1', { enabled: false });
    expect(edge.deregisterUser).toHaveBeenLastCalledWith('alice', DOMAIN, 'disabled');
    await service.update('a1', 'u1', { displayName: 'Al' });
    await service.update('a1', 'u1', { enabled: true });
    expect(edge.deregisterUser).toHaveBeenCalledTimes(1);
    repository.delete.mockResolvedValue(user());
    await service.delete('a1', 'u1');
    expect(edge.deregisterUser).toHaveBeenLastCalledWith('alice', DOMAIN, 'deleted');
  });

  it('revokes the client tokens of a disabled or deleted user, not of a re-enabled one', async () => {
    repository.update.mockResolvedValue(user());
    await service.update('a1', 'u1', { enabled: true });
    expect(clientTokens.revokeAllOfSipUser).not.toHaveBeenCalled();
    await service.update('a1', 'u1', { enabled: false });
    expect(clientTokens.revokeAllOfSipUser).toHaveBeenLastCalledWith('a1', 'u1');
    repository.delete.mockResolvedValue(user());
    await service.delete('a1', 'u1');
    expect(clientTokens.revokeAllOfSipUser).toHaveBeenCalledTimes(2);
  });

  it('404 when the user is not in the account', async () => {
    repository.findById.mockResolvedValue(null);
    repository.update.mockResolvedValue(null);
    repository.delete.mockResolvedValue(null);
    await expect(service.get('a1', 'u9')).rejects.toBeInstanceOf(NotFoundProblemException);
    await expect(service.update('a1', 'u9', { enabled: false })).rejects.toBeInstanceOf(NotFoundProblemException);
    await expect(service.update('a1', 'u9', { password: 'new-password' })).rejects.toBeInstanceOf(
      NotFoundProblemException,
    );
    await expect(service.delete('a1', 'u9')).rejects.toBeInstanceOf(NotFoundProblemException);
  });
});
