import type { Principal } from '@callwire/auth';
import { hashSecret } from '@callwire/auth';
import type {
  AccountsRepository,
  DashboardSessionsRepository,
  NewDashboardSession,
  SessionRecord,
} from '@callwire/database';
import type { ApiKeyAuthenticator } from '../auth/api-key-authenticator.service';
import { NotFoundProblemException, ProblemException } from '../common/problem';
import { SessionsService } from './sessions.service';
import { testConfig } from '../../../../test/support/test-config';

const NOW = new Date('2026-11-21T12:00:00Z');

describe('SessionsService', () => {
  let principal: Principal | null;
  const created: NewDashboardSession[] = [];
  const record = (session: NewDashboardSession): SessionRecord => ({
    id: 'session-1',
    role: session.role,
    accountId: session.accountId,
    account: session.accountId ? { id: session.accountId, name: 'Acme', sipDomain: 'acme.test' } : null,
    csrfToken: session.csrfToken,
    expiresAt: session.expiresAt,
  });
  const sessions = {
    create: jest.fn(async (session: NewDashboardSession) => {
      created.push(session);
      return record(session);
    }),
    deleteExpired: jest.fn(async () => undefined),
    setAccount: jest.fn(),
  };
  const accounts = { findById: jest.fn() };
  const service = new SessionsService(
    testConfig({ DASHBOARD_SESSION_TTL_S: '3600' }),
    { authenticate: async () => principal } as Pick<ApiKeyAuthenticator, 'authenticate'> as ApiKeyAuthenticator,
    sessions as Partial<DashboardSessionsRepository> as DashboardSessionsRepository,
    accounts as Pick<AccountsRepository, 'findById'> as AccountsRepository,
  );

  beforeEach(() => {
    created.length = 0;
    jest.clearAllMocks();
  });

  it('opens an account session: a random cookie token stored as its hash, the key and account kept', async () => {
    principal = { kind: 'account', accountId: 'acc-1', apiKeyId: 'key-1' };
    const opened = await service.signIn('cw_key', NOW);
    expect(opened.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(created[0]).toMatchObject({
      tokenHash: hashSecret(opened.token),
      role: 'account',
      accountId: 'acc-1',
      apiKeyId: 'key-1',
      adminKeyHash: null,
      expiresAt: new Date('2026-11-21T13:00:00Z'),
    });
    expect(created[0]?.csrfToken).not.toBe(opened.token);
    expect(opened.session).toEqual({
      role: 'account',
      account: { id: 'acc-1', name: 'Acme', sipDomain: 'acme.test' },
      csrfToken: created[0]?.csrfToken,
      expiresAt: '2026-11-21T13:00:00.000Z',
    });
    expect(sessions.deleteExpired).toHaveBeenCalledWith(NOW);
  });

  it('opens an admin session bound to the admin key it was opened with', async () => {
    principal = { kind: 'admin' };
    await service.signIn('a'.repeat(32), NOW);
    expect(created[0]).toMatchObject({
      role: 'admin',
      accountId: null,
      apiKeyId: null,
      adminKeyHash: hashSecret('a'.repeat(32)),
    });
  });

  it('refuses a key that does not authenticate, storing nothing', async () => {
    principal = null;
    await expect(service.signIn('cw_wrong', NOW)).rejects.toThrow(ProblemException);
    expect(sessions.create).not.toHaveBeenCalled();
  });

  it('switches only admin sessions, and only into accounts that exist', async () => {
    await expect(service.switchAccount('s', 'account', 'acc-2')).rejects.toThrow(ProblemException);
    accounts.findById.mockResolvedValueOnce(null);
    await expect(service.switchAccount('s', 'admin', 'acc-404')).rejects.toThrow(NotFoundProblemException);
    expect(sessions.setAccount).not.toHaveBeenCalled();
    sessions.setAccount.mockResolvedValueOnce({
      id: 's',
      role: 'admin',
      accountId: null,
      account: null,
      csrfToken: 'c',
      expiresAt: NOW,
    });
    await expect(service.switchAccount('s', 'admin', null)).resolves.toMatchObject({ role: 'admin', account: null });
    expect(accounts.findById).toHaveBeenCalledTimes(1);
  });
});
