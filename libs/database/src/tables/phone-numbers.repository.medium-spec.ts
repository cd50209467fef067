import { type MediumDatabase, openMediumDatabase, unique } from '../../../../test/support/medium-database';
import { PhoneNumbersRepository } from './phone-numbers.repository';

/** A number no other spec of the run uses: digits from random bytes. */
const newNumber = () => `+1555${parseInt(unique('n').slice(2, 10), 16).toString().padStart(10, '0').slice(0, 7)}`;

describe('PhoneNumbersRepository (PostgreSQL)', () => {
  let db: MediumDatabase;
  let repository: PhoneNumbersRepository;
  let accountId: string;
  let stranger: string;

  beforeAll(async () => {
    db = await openMediumDatabase();
    repository = new PhoneNumbersRepository(db.prisma);
    ({ id: accountId } = await db.account());
    ({ id: stranger } = await db.account());
  });
  afterAll(() => db.close());

  const create = (account = accountId, routeTarget = 'alice', number = newNumber()) =>
    repository.create(account, { number, carrierId: null, routeType: 'sip-user', routeTarget });

  it('creates, finds, updates and deletes within the account only', async () => {
    const created = await create();
    expect(await repository.findById(accountId, created.id)).toEqual(created);
    expect(await repository.findById(stranger, created.id)).toBeNull();

    expect(await repository.update(stranger, created.id, { routeTarget: 'mallory' })).toBeNull();
    const updated = await repository.update(accountId, created.id, { routeType: 'client', routeTarget: 'bob' });
    expect(updated).toMatchObject({ id: created.id, routeType: 'client', routeTarget: 'bob' });

    expect(await repository.delete(stranger, created.id)).toBe(false);
    expect(await repository.delete(accountId, created.id)).toBe(true);
    expect(await repository.delete(accountId, created.id)).toBe(false);
  });

  it('a number belongs to one account of the platform', async () => {
    const number = newNumber();
    await create(accountId, 'alice', number);
    await expect(create(stranger, 'alice', number)).rejects.toMatchObject({ code: 'P2002' });
  });

  it('lists oldest first by pages, or one number', async () => {
    const { id: own } = await db.account();
    const numbers = [await create(own), await create(own), await create(own)];
    expect((await repository.list(own, { limit: 2 })).map((row) => row.id)).toEqual(numbers.map((row) => row.id));
    expect((await repository.list(own, { limit: 5, afterId: numbers[1]?.id })).map((row) => row.id)).toEqual([
      numbers[2]?.id,
    ]);
    expect((await repository.list(own, { limit: 5 }, numbers[1]?.number)).map((row) => row.id)).toEqual([
      numbers[1]?.id,
    ]);
  });

  it('counts the numbers routed to a target', async () => {
    const { id: own } = await db.account();
    await create(own, 'app-1');
    await create(own, 'app-1');
    await create(stranger, 'app-1');
    expect(await repository.countRoutedTo(own, 'sip-user', 'app-1')).toBe(2);
    expect(await repository.countRoutedTo(own, 'application', 'app-1')).toBe(0);
  });
});
