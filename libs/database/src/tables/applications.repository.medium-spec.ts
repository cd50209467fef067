import { type MediumDatabase, openMediumDatabase } from '../../../../test/support/medium-database';
import { ApplicationsRepository } from './applications.repository';

describe('ApplicationsRepository (PostgreSQL)', () => {
  let db: MediumDatabase;
  let repository: ApplicationsRepository;
  let accountId: string;
  const secret = Buffer.from('encrypted secret');
  const endpointOf = (applicationId: string) => db.prisma.webhookEndpoint.findUnique({ where: { applicationId } });

  beforeAll(async () => {
    db = await openMediumDatabase();
    repository = new ApplicationsRepository(db.prisma);
    ({ id: accountId } = await db.account());
  });
  afterAll(() => db.close());

  const create = (statusCallbackUrl: string | null = null) =>
    repository.create(accountId, {
      name: 'IVR',
      voiceUrl: 'https://app.example/voice',
      fallbackUrl: null,
      statusCallbackUrl,
      secretEncrypted: secret,
    });

  it('never returns the secret; finds and lists within the account only', async () => {
    const created = await create();
    const { id: stranger } = await db.account();

    expect(created).not.toHaveProperty('secretEncrypted');
    expect(await repository.findById(accountId, created.id)).toEqual(created);
    expect(await repository.findById(stranger, created.id)).toBeNull();
    expect(await repository.exists(accountId, created.id)).toBe(true);
    expect(await repository.exists(stranger, created.id)).toBe(false);
    expect((await repository.list(accountId, { limit: 100 })).map((row) => row.id)).toContain(created.id);
    expect(await repository.list(stranger, { limit: 100 })).toEqual([]);
  });

  it("keeps the status callback's webhook endpoint in step with the application, in the same transaction", async () => {
    const created = await create('https://app.example/status');
    expect(await endpointOf(created.id)).toMatchObject({
      accountId,
      url: 'https://app.example/status',
      secretEncrypted: new Uint8Array(secret),
      events: ['call.initiated', 'call.ringing', 'call.answered', 'call.completed'],
    });

    const rotated = Buffer.from('another secret');
    await repository.update(accountId, created.id, {
      statusCallbackUrl: 'https://app.example/status2',
      secretEncrypted: rotated,
    });
    expect(await endpointOf(created.id)).toMatchObject({
      url: 'https://app.example/status2',
      secretEncrypted: new Uint8Array(rotated),
    });

    await repository.update(accountId, created.id, { statusCallbackUrl: null });
    expect(await endpointOf(created.id)).toBeNull();
  });

  it('updates and deletes within the account only', async () => {
    const created = await create();
    const { id: stranger } = await db.account();

    expect(await repository.update(stranger, created.id, { name: 'x' })).toBeNull();
    expect(await repository.update(accountId, created.id, { name: 'Menu' })).toMatchObject({ name: 'Menu' });
    expect(await repository.delete(stranger, created.id)).toBe(false);
    expect(await repository.delete(accountId, created.id)).toBe(true);
    expect(await repository.delete(accountId, created.id)).toBe(false);
  });
});
