import { type MediumDatabase, openMediumDatabase, unique } from '../../../../test/support/medium-database';
import { ApiKeysRepository } from './api-keys.repository';

describe('ApiKeysRepository (PostgreSQL)', () => {
  let db: MediumDatabase;
  let repository: ApiKeysRepository;
  let accountId: string;
  const hash = Buffer.alloc(32, 7);

  const issue = (expiresAt: Date | null = null) =>
    repository.create({ accountId, name: 'ci', prefix: unique('p').slice(0, 12), secretHash: hash, expiresAt });

  beforeAll(async () => {
    db = await openMediumDatabase();
    repository = new ApiKeysRepository(db.prisma, db.sql);
    ({ id: accountId } = await db.account());
  });
  afterAll(() => db.close());

  it('issues a key (never returning its hash) and reads its credentials by prefix, timestamps in UTC', async () => {
    const expiresAt = new Date('2030-01-02T03:04:05.678Z');
    const key = await issue(expiresAt);
    expect(key).not.toHaveProperty('secretHash');

    const credentials = await repository.findCredentialsByPrefix(key.prefix);
    expect(credentials).toEqual({ id: key.id, accountId, secretHash: hash, expiresAt, revokedAt: null });
    // The same prepared statement on a pooled connection that has it already.
    expect(await repository.findCredentialsByPrefix(key.prefix)).toEqual(credentials);
    expect(await repository.findCredentialsByPrefix('nosuchprefix')).toBeNull();
  });

  it("lists an account's keys oldest first by pages", async () => {
    const { id: other } = await db.account();
    const keys = [];
    for (let i = 0; i < 3; i++) {
      keys.push(
        await repository.create({
          accountId: other,
          name: `k${i}`,
          prefix: unique('l').slice(0, 12),
          secretHash: hash,
          expiresAt: null,
        }),
      );
    }
    expect((await repository.listForAccount(other, { limit: 2 })).map((key) => key.id)).toEqual(
      keys.map((key) => key.id),
    );
    expect((await repository.listForAccount(other, { limit: 5, afterId: keys[0]!.id })).map((key) => key.id)).toEqual([
      keys[1]!.id,
      keys[2]!.id,
    ]);
  });

  it('revokes once, only within the account', async () => {
    const key = await issue();
    const { id: stranger } = await db.account();
    const first = new Date('2026-12-03T10:00:00.000Z');

    expect(await repository.revoke(stranger, key.id, first)).toBe(false);
    expect(await repository.revoke(accountId, key.id, first)).toBe(true);
    expect(await repository.revoke(accountId, key.id, new Date('2026-12-03T11:00:00.000Z'))).toBe(true);
    expect((await repository.findCredentialsByPrefix(key.prefix))?.revokedAt).toEqual(first);
  });

  it('moves lastUsedAt forward only (usage jobs may come late or twice)', async () => {
    const key = await issue();
    const lastUsed = async () => (await db.prisma.apiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt;

    await repository.recordUse(key.id, new Date('2026-12-03T10:00:00.000Z'));
    await repository.recordUse(key.id, new Date('2026-12-03T09:00:00.000Z'));
    expect(await lastUsed()).toEqual(new Date('2026-12-03T10:00:00.000Z'));
    await repository.recordUse(key.id, new Date('2026-12-03T10:00:01.000Z'));
    expect(await lastUsed()).toEqual(new Date('2026-12-03T10:00:01.000Z'));
  });
});
