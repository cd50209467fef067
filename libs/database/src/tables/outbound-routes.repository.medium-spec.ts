import { type MediumDatabase, openMediumDatabase } from '../../../../test/support/medium-database';
import { OutboundRoutesRepository, type RouteOrderKey } from './outbound-routes.repository';

describe('OutboundRoutesRepository (PostgreSQL)', () => {
  let db: MediumDatabase;
  let repository: OutboundRoutesRepository;
  let accountId: string;
  let carrierId: string;

  beforeAll(async () => {
    db = await openMediumDatabase();
    repository = new OutboundRoutesRepository(db.prisma, db.sql);
    ({ id: accountId } = await db.account());
    ({ id: carrierId } = await db.prisma.carrier.create({ data: { accountId, name: 'carrier' } }));
  });
  afterAll(() => db.close());

  it('lists routes in the order the edge tries them (priority, longer prefix, id), by keyset pages', async () => {
    const add = (name: string, prefix: string, priority: number) =>
      repository.create(accountId, { name, prefix, priority, carrierId });
    const b = await add('b', '+1', 10);
    const a = await add('a', '+1555', 10);
    const c = await add('c', '+1', 10);
    const d = await add('d', '', 5);
    const e = await add('e', '+44', 20);

    const all = await repository.list(accountId, { limit: 10 });
    expect(all.map((route) => route.name)).toEqual(['d', 'a', 'b', 'c', 'e']);
    expect(all[1]).toEqual(await repository.findById(accountId, a.id)); // same record as Prisma reads it (UTC)

    const key = (route: typeof b): RouteOrderKey => [route.priority, route.prefix.length, route.id];
    expect((await repository.list(accountId, { limit: 10, after: key(a) })).map((route) => route.name)).toEqual([
      'b',
      'c',
      'e',
    ]);
    expect((await repository.list(accountId, { limit: 1, after: key(b) })).map((route) => route.id)).toEqual([
      c.id,
      e.id,
    ]);
    expect(await repository.list(accountId, { limit: 10, after: key(e) })).toEqual([]);
    expect(d.priority).toBe(5);
  });

  it('updates and deletes within the account only', async () => {
    const { id: stranger } = await db.account();
    const route = await repository.create(accountId, { name: 'x', prefix: '+33', priority: 1, carrierId });

    expect(await repository.findById(stranger, route.id)).toBeNull();
    expect(await repository.update(stranger, route.id, { priority: 2 })).toBeNull();
    expect(await repository.update(accountId, route.id, { priority: 2 })).toMatchObject({ priority: 2 });
    expect(await repository.list(stranger, { limit: 10 })).toEqual([]);
    expect(await repository.delete(stranger, route.id)).toBe(false);
    expect(await repository.delete(accountId, route.id)).toBe(true);
  });
});
