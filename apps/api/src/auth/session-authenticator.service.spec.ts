import { hashSecret } from '@callwire/auth';
import { ProblemException } from '../common/problem';
import type { ActiveSession, DashboardSessionsRepository } from '@callwire/database';
import { SessionAuthenticator } from './session-authenticator.service';
import { testConfig } from '../../../../test/support/test-config';

const ADMIN_KEY = 'cwadmin_' + 'a'.repeat(40);

describe('SessionAuthenticator', () => {
  let stored: ActiveSession | null;
  const findActive = jest.fn(async (_token: Buffer, _adminKeyHash: Buffer) => stored);
  const authenticator = new SessionAuthenticator(testConfig({ ADMIN_API_KEY: ADMIN_KEY }), { findActive } as Pick<
    DashboardSessionsRepository,
    'findActive'
  > as DashboardSessionsRepository);
  const account: ActiveSession = {
    id: 's1',
    role: 'account',
    accountId: 'acc-1',
    apiKeyId: 'key-1',
    csrfToken: 'csrf-1',
  };

  beforeEach(() => {
    stored = account;
    findActive.mockClear();
  });

  it('looks the session up by the SHA-256 of the cookie, checked against the current admin key', async () => {
    await expect(authenticator.authenticate({ token: 'tok', method: 'GET', csrfToken: undefined })).resolves.toEqual({
      kind: 'account',
      accountId: 'acc-1',
      apiKeyId: 'key-1',
      sessionId: 's1',
    });
    expect(findActive).toHaveBeenCalledWith(hashSecret('tok'), hashSecret(ADMIN_KEY));
  });

  it('needs the CSRF token for every change, not for reads', async () => {
    for (const method of ['POST', 'PATCH', 'PUT', 'DELETE']) {
      await expect(authenticator.authenticate({ token: 't', method, csrfToken: undefined })).rejects.toThrow(
        ProblemException,
      );
      await expect(authenticator.authenticate({ token: 't', method, csrfToken: 'csrf-2' })).rejects.toThrow(
        ProblemException,
      );
      await expect(authenticator.authenticate({ token: 't', method, csrfToken: 'csrf-1' })).resolves.not.toBeNull();
    }
    for (const method of ['GET', 'HEAD', 'OPTIONS']) {
      await expect(authenticator.authenticate({ token: 't', method, csrfToken: undefined })).resolves.not.toBeNull();
    }
  });

  it('gives an admin session the account it switched into', async () => {
    stored = { id: 's2', role: 'admin', accountId: null, apiKeyId: null, csrfToken: 'x' };
    await expect(authenticator.authenticate({ token: 't', method: 'GET', csrfToken: undefined })).resolves.toEqual({
      kind: 'admin',
      actingAccountId: undefined,
      sessionId: 's2',
    });
    stored = { ...stored, accountId: 'acc-9' };
    await expect(authenticator.authenticate({ token: 't', method: 'GET', csrfToken: undefined })).resolves.toEqual({
      kind: 'admin',
      actingAccountId: 'acc-9',
      sessionId: 's2',
    });
  });

  it('refuses unknown sessions, and account sessions that lost their account or key', async () => {
    stored = null;
    await expect(authenticator.authenticate({ token: 't', method: 'GET', csrfToken: undefined })).resolves.toBeNull();
    stored = { ...account, accountId: null };
    await expect(authenticator.authenticate({ token: 't', method: 'GET', csrfToken: undefined })).resolves.toBeNull();
  });
});
