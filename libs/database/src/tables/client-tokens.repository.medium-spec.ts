import { type MediumDatabase, openMediumDatabase } from '../../../../test/support/medium-database';
import { ClientTokensRepository, type NewClientToken } from './client-tokens.repository';

describe('ClientTokensRepository (PostgreSQL)', () => {
  let db: MediumDatabase;
  let repository: ClientTokensRepository;
  let accountId: string;
  let sipUserId: string;
  const now = new Date('2026-12-03T12:00:00.000Z');
  const at = (seconds: number) => new Date(now.getTime() + seconds * 1000);

  beforeAll(async () => {
    db = await openMediumDatabase();
    repository = new ClientTokensRepository(db.prisma);
    ({ id: accountId } = await db.account());
    ({ id: sipUserId } = await db.prisma.sipUser.create({
      data: { accountId, username: 'alice', ha1: '0'.repeat(32), enabled: false },
    }));
  });
  afterAll(() => db.close());

  const token = (changes: Partial<NewClientToken> = {}): NewClientToken => ({
    sipUserId,
    identity: 'alice',
    aorUser: 'alice',
    expiresAt: at(600),
    ...changes,
  });

  it('lists live tokens only (not revoked, not expired), oldest first', async () => {
    const live = await repository.create(accountId, token());
    const expired = await repository.create(accountId, token({ expiresAt: at(-1) }));
    const revoked = await repository.create(
      accountId,
      token({ sipUserId: null, identity: 'guest', aorUser: 'client.guest' }),
    );
    await repository.revoke(accountId, revoked.id, now);

    const listed = (await repository.listLive(accountId, { limit: 100 }, now)).map((row) => row.id);
    expect(listed).toContain(live.id);
    expect(listed).not.toContain(expired.id);
    expect(listed).not.toContain(revoked.id);
  });

  it('revokes once within the account, and all live tokens of a SIP user at once', async () => {
    const { id: stranger } = await db.account();
    const one = await repository.create(accountId, token());
    expect(await repository.revoke(stranger, one.id, now)).toBeNull();
    expect((await repository.revoke(accountId, one.id, now))?.revokedAt).toEqual(now);
    expect((await repository.revoke(accountId, one.id, at(5)))?.revokedAt).toEqual(now);

    const [a, b] = [await repository.create(accountId, token()), await repository.create(accountId, token())];
    const gone = await repository.revokeAllOfSipUser(accountId, sipUserId, at(10));
    expect(gone.map((row) => row.id)).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(gone.map((row) => row.id)).not.toContain(one.id);
    expect(await repository.revokeAllOfSipUser(accountId, sipUserId, at(11))).toEqual([]);
  });
});
