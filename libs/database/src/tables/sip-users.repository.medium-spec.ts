import { type MediumDatabase, openMediumDatabase } from '../../../../test/support/medium-database';
import { SipUsersRepository } from './sip-users.repository';

describe('SipUsersRepository (PostgreSQL)', () => {
  let db: MediumDatabase;
  let repository: SipUsersRepository;
  let account: { id: string; sipDomain: string };
  let stranger: string;
  const ha1 = 'a'.repeat(32);

  beforeAll(async () => {
    db = await openMediumDatabase();
    repository = new SipUsersRepository(db.prisma, db.sql);
    account = await db.account();
    ({ id: stranger } = await db.account());
  });
  afterAll(() => db.close());

  it('creates users with the default SRTP and DTMF modes; a username is unique within its account', async () => {
    const alice = await repository.create(account.id, { username: 'alice', displayName: 'Alice', ha1 });
    expect(alice).toMatchObject({ username: 'alice', srtp: 'offer', dtmf: 'rfc4733', enabled: true });
    await expect(repository.create(account.id, { username: 'alice', displayName: null, ha1 })).rejects.toMatchObject({
      code: 'P2002',
    });
    await expect(repository.create(stranger, { username: 'alice', displayName: null, ha1 })).resolves.toBeTruthy();
  });

  it('lists without the HA1, with the SIP domain, oldest first by pages (timestamps as Prisma reads them)', async () => {
    const { id: own, sipDomain } = await db.account();
    const users = [];
    for (const username of ['u1', 'u2', 'u3']) {
      users.push(await repository.create(own, { username, displayName: null, ha1, srtp: 'require', dtmf: 'info' }));
    }

    const first = await repository.list(own, { limit: 2 });
    expect(first.map((user) => user.username)).toEqual(['u1', 'u2', 'u3']);
    const { ha1: _hidden, ...shown } = users[0]!;
    expect(first[0]).toEqual({ ...shown, sipDomain });
    expect(first[0]).not.toHaveProperty('ha1');
    expect((await repository.list(own, { limit: 5, afterId: users[1]!.id })).map((user) => user.username)).toEqual([
      'u3',
    ]);
    expect(await repository.list(stranger, { limit: 5, afterId: users[1]!.id })).toEqual([]);
  });

  it('finds, updates and deletes within the account only', async () => {
    const bob = await repository.create(account.id, { username: 'bob', displayName: null, ha1 });

    expect(await repository.findById(stranger, bob.id)).toBeNull();
    expect(await repository.findForToken(account.id, bob.id)).toEqual({ id: bob.id, username: 'bob', enabled: true });
    expect(await repository.findForToken(stranger, bob.id)).toBeNull();
    expect(await repository.existsByUsername(account.id, 'bob')).toBe(true);
    expect(await repository.existsByUsername(stranger, 'bob')).toBe(false);

    expect(await repository.update(stranger, bob.id, { enabled: false })).toBeNull();
    expect(await repository.update(account.id, bob.id, { enabled: false, dtmf: 'info' })).toMatchObject({
      enabled: false,
      dtmf: 'info',
    });
    expect(await repository.delete(stranger, bob.id)).toBeNull();
    expect(await repository.delete(account.id, bob.id)).toMatchObject({ id: bob.id });
    expect(await repository.findById(account.id, bob.id)).toBeNull();
  });
});
