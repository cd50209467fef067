import { randomBytes } from 'node:crypto';
import { type MediumDatabase, openMediumDatabase, unique } from '../../../../test/support/medium-database';
import { ApiKeysRepository } from './api-keys.repository';
import { DashboardSessionsRepository, type NewDashboardSession } from './dashboard-sessions.repository';

describe('DashboardSessionsRepository (PostgreSQL)', () => {
  let db: MediumDatabase;
  let repository: DashboardSessionsRepository;
  let keys: ApiKeysRepository;
  let account: { id: string; sipDomain: string };
  const adminKeyHash = randomBytes(32);
  const now = new Date('2026-12-03T12:00:00.000Z');
  const at = (seconds: number) => new Date(now.getTime() + seconds * 1000);

  beforeAll(async () => {
    db = await openMediumDatabase();
    repository = new DashboardSessionsRepository(db.prisma, db.sql);
    keys = new ApiKeysRepository(db.prisma, db.sql);
    account = await db.account();
  });
  afterAll(() => db.close());

  async function accountSession(keyExpiresAt: Date | null = null, expiresAt = at(3600)) {
    const key = await keys.create({
      accountId: account.id,
      name: 'dash',
      prefix: unique('s').slice(0, 12),
      secretHash: randomBytes(32),
      expiresAt: keyExpiresAt,
    });
    const session: NewDashboardSession = {
      tokenHash: randomBytes(32),
      role: 'account',
      accountId: account.id,
      apiKeyId: key.id,
      adminKeyHash: null,
      csrfToken: unique('csrf'),
      expiresAt,
    };
    return { key, session, record: await repository.create(session) };
  }

  it('an account session is active while unexpired and backed by a live API key', async () => {
    const { key, session, record } = await accountSession(at(60));
    expect(record).toMatchObject({ role: 'account', accountId: account.id, account: { sipDomain: account.sipDomain } });

    expect(await repository.findActive(session.tokenHash, adminKeyHash, now)).toEqual({
      id: record.id,
      role: 'account',
      accountId: account.id,
      apiKeyId: key.id,
      csrfToken: session.csrfToken,
    });
    expect(await repository.findActive(session.tokenHash, adminKeyHash, at(61))).toBeNull(); // the key expired
    expect(await repository.findActive(randomBytes(32), adminKeyHash, now)).toBeNull();

    await keys.revoke(account.id, key.id, now);
    expect(await repository.findActive(session.tokenHash, adminKeyHash, now)).toBeNull();
  });

  it('an admin session is active only with the current admin key, and no session after it expired', async () => {
    const session: NewDashboardSession = {
      tokenHash: randomBytes(32),
      role: 'admin',
      accountId: null,
      apiKeyId: null,
      adminKeyHash,
      csrfToken: unique('csrf'),
      expiresAt: at(60),
    };
    const record = await repository.create(session);

    expect(await repository.findActive(session.tokenHash, adminKeyHash, now)).toMatchObject({
      id: record.id,
      role: 'admin',
    });
    expect(await repository.findActive(session.tokenHash, randomBytes(32), now)).toBeNull(); // the admin key changed
    expect(await repository.findActive(session.tokenHash, adminKeyHash, at(60))).toBeNull();
  });

  it('switches the account of a session, deletes it, and sweeps expired ones', async () => {
    const { record } = await accountSession(null, at(-1));
    const other = await db.account();

    expect(await repository.setAccount(record.id, other.id)).toMatchObject({
      accountId: other.id,
      account: { id: other.id },
    });
    expect(await repository.setAccount(record.id, null)).toMatchObject({ accountId: null, account: null });

    const { record: live } = await accountSession(null, at(3600));
    await repository.deleteExpired(now);
    expect(await repository.findById(record.id)).toBeNull();
    expect(await repository.findById(live.id)).toMatchObject({ id: live.id });

    await repository.delete(live.id);
    await repository.delete(live.id);
    expect(await repository.findById(live.id)).toBeNull();
  });
});
