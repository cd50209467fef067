import { type MediumDatabase, openMediumDatabase, unique } from '../../../../test/support/medium-database';
import { AccountsRepository } from './accounts.repository';

describe('AccountsRepository (PostgreSQL)', () => {
  let db: MediumDatabase;
  let repository: AccountsRepository;

  beforeAll(async () => {
    db = await openMediumDatabase();
    repository = new AccountsRepository(db.prisma, db.sql);
  });
  afterAll(() => db.close());

  it('creates an account and finds it by id and by SIP domain', async () => {
    const domain = `${unique('acme')}.test`;
    const account = await repository.create('Acme', domain);

    expect(await repository.findById(account.id)).toEqual(account);
    expect(await repository.findSipDomain(account.id)).toBe(domain);
    expect(await repository.findIdBySipDomain(domain)).toBe(account.id);
    expect(await repository.findIdBySipDomain(`${unique('none')}.test`)).toBeNull();
    expect(await repository.findSipDomain('01890000-0000-7000-8000-000000000000')).toBeNull();
  });

  it('refuses a second account with the same SIP domain', async () => {
    const domain = `${unique('dup')}.test`;
    await repository.create('One', domain);
    await expect(repository.create('Two', domain)).rejects.toMatchObject({ code: 'P2002' });
  });

  it("sets limits, which the edge's view then holds (only those set)", async () => {
    const { id, sipDomain } = await db.account();
    expect(await repository.findEdgeLimits(sipDomain)).toEqual(new Map());

    const limits = { maxRequestsPerSecond: 7, maxConcurrentCalls: 3, maxRegistrations: null };
    expect(await repository.setLimits(id, limits)).toMatchObject(limits);
    expect(await repository.findRequestsPerSecond(id)).toBe(7);
    expect(await repository.findEdgeLimits(sipDomain)).toEqual(new Map([[`${sipDomain}::calls`, '3']]));

    await repository.setLimits(id, { maxRequestsPerSecond: null, maxConcurrentCalls: null, maxRegistrations: 10 });
    expect(await repository.findRequestsPerSecond(id)).toBeNull();
    expect(await repository.findEdgeLimits(sipDomain)).toEqual(new Map([[`${sipDomain}::regs`, '10']]));
    expect(await repository.setLimits('01890000-0000-7000-8000-000000000000', limits)).toBeNull();
  });

  it('lists newest first, by pages, and searches name and SIP domain without regard to case', async () => {
    const tag = unique('list');
    const first = await repository.create(`First ${tag}`, `${tag}-a.test`);
    const second = await repository.create('Second', `${tag.toUpperCase()}-b.test`);

    expect((await repository.list({ limit: 10 }, tag)).map((account) => account.id)).toEqual([second.id, first.id]);
    const page = await repository.list({ limit: 1 }, tag);
    expect(page.map((account) => account.id)).toEqual([second.id, first.id]); // limit + 1
    expect((await repository.list({ limit: 10, afterId: second.id }, tag)).map((account) => account.id)).toEqual([
      first.id,
    ]);
  });

  it('deletes an account with what it owns; null when there is none', async () => {
    const { id } = await db.account();
    await db.prisma.sipUser.create({ data: { accountId: id, username: 'alice', ha1: '0'.repeat(32) } });

    expect(await repository.delete(id)).toMatchObject({ id });
    expect(await db.prisma.sipUser.count({ where: { accountId: id } })).toBe(0);
    expect(await repository.delete(id)).toBeNull();
  });
});
