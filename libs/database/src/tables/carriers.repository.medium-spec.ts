import { type MediumDatabase, openMediumDatabase } from '../../../../test/support/medium-database';
import { isolateDatabase } from '../../../../test/support/test-run';
import type { GatewaySpec } from './carrier-gateways';
import { type CarrierFields, CarriersRepository, type GatewayToCheck } from './carriers.repository';

const fields = (changes: Partial<CarrierFields> = {}): CarrierFields => ({
  name: 'carrier',
  enabled: true,
  inboundAddresses: [],
  inboundAuthUsername: null,
  inboundAuthRealm: null,
  inboundAuthHa1: null,
  outboundAuthUsername: null,
  outboundAuthPassword: null,
  fromDomain: null,
  callerIdNumber: null,
  registerEnabled: false,
  registerExpires: 3600,
  registerUsername: null,
  registerPassword: null,
  srtp: 'off',
  dtmf: 'rfc4733',
  ...changes,
});

const gateway = (host: string, changes: Partial<GatewaySpec> = {}): GatewaySpec => ({
  host,
  port: 5060,
  transport: 'udp',
  priority: 10,
  weight: 1,
  ...changes,
});

describe('CarriersRepository (PostgreSQL)', () => {
  let db: MediumDatabase;
  let repository: CarriersRepository;
  let accountId: string;
  const t0 = new Date('2026-12-03T12:00:00.000Z');
  const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

  beforeAll(async () => {
    // Registration states are platform-wide (carriers the edge no longer registers become unregistered): a
    // database of this spec's own keeps the e2e specs' carriers out of it.
    await isolateDatabase('carriers_repository');
    db = await openMediumDatabase();
    repository = new CarriersRepository(db.prisma, db.sql);
    ({ id: accountId } = await db.account());
  }, 60_000);
  afterAll(() => db?.close());

  it('creates a carrier with its gateways in the order the edge tries them, scoped by account', async () => {
    const carrier = await repository.create(accountId, fields(), [
      gateway('b.example', { priority: 20 }),
      gateway('a.example', { priority: 5 }),
    ]);
    expect(carrier.gateways.map((g) => g.host)).toEqual(['a.example', 'b.example']);

    const { id: stranger } = await db.account();
    expect(await repository.findById(accountId, carrier.id)).toEqual(carrier);
    expect(await repository.findById(stranger, carrier.id)).toBeNull();
    expect(await repository.exists(stranger, carrier.id)).toBe(false);
    expect(await repository.update(stranger, carrier.id, { name: 'x' })).toBeNull();
    expect(await repository.delete(stranger, carrier.id)).toBeNull();
  });

  it('replaces the gateways in one transaction, keeping the rows (and health) of those that stay', async () => {
    const carrier = await repository.create(accountId, fields(), [gateway('keep.example'), gateway('drop.example')]);
    const kept = carrier.gateways.find((g) => g.host === 'keep.example')!;
    await db.prisma.carrierGateway.update({ where: { id: kept.id }, data: { status: 'up' } });

    const updated = await repository.update(accountId, carrier.id, { name: 'renamed' }, [
      gateway('new.example', { priority: 1 }),
      gateway('keep.example', { priority: 2, weight: 5 }),
    ]);

    expect(updated?.name).toBe('renamed');
    expect(updated?.gateways.map((g) => [g.host, g.priority, g.weight])).toEqual([
      ['new.example', 1, 1],
      ['keep.example', 2, 5],
    ]);
    expect(updated?.gateways[1]).toMatchObject({ id: kept.id, status: 'up' });
    expect(updated!.updatedAt.getTime()).toBeGreaterThan(carrier.updatedAt.getTime() - 1);
  });

  it('deletes a carrier with its gateways and routes; its numbers stay, without a carrier', async () => {
    const carrier = await repository.create(accountId, fields(), [gateway('gone.example')]);
    await db.prisma.outboundRoute.create({ data: { accountId, name: 'r', prefix: '+1', carrierId: carrier.id } });
    const number = await db.prisma.phoneNumber.create({
      data: { accountId, number: '+15550000001', carrierId: carrier.id, routeType: 'sip-user', routeTarget: 'a' },
    });

    expect(await repository.delete(accountId, carrier.id)).toMatchObject({ id: carrier.id });
    expect(await db.prisma.carrierGateway.count({ where: { carrierId: carrier.id } })).toBe(0);
    expect(await db.prisma.outboundRoute.count({ where: { carrierId: carrier.id } })).toBe(0);
    expect(await db.prisma.phoneNumber.findUnique({ where: { id: number.id } })).toMatchObject({ carrierId: null });
  });

  describe('gateway health (the worker)', () => {
    it('checks the gateways of enabled carriers, of one carrier when asked', async () => {
      const on = await repository.create(accountId, fields(), [gateway('on.example')]);
      const off = await repository.create(accountId, fields({ enabled: false }), [gateway('off.example')]);
      const hosts = (rows: GatewayToCheck[]) => rows.map((row) => row.host);

      expect(hosts(await repository.findGatewaysToCheck())).toContain('on.example');
      expect(hosts(await repository.findGatewaysToCheck())).not.toContain('off.example');
      expect(await repository.findGatewaysToCheck(on.id)).toEqual([
        {
          id: on.gateways[0]!.id,
          carrierId: on.id,
          accountId,
          host: 'on.example',
          port: 5060,
          transport: 'udp',
          status: 'unknown',
        },
      ]);
      expect(await repository.findGatewaysToCheck(off.id)).toEqual([]);
    });

    it('stores results in one statement: status_since moves on a change only; stale and moved results dropped', async () => {
      const carrier = await repository.create(accountId, fields(), [gateway('h1.example'), gateway('h2.example')]);
      const [g1, g2] = await repository.findGatewaysToCheck(carrier.id);
      const stored = async (id: string) => db.prisma.carrierGateway.findUniqueOrThrow({ where: { id } });

      await repository.saveGatewayChecks([
        { gateway: g1!, status: 'up', response: '200 OK', checkedAt: at(0) },
        { gateway: g2!, status: 'down', response: 'timeout', checkedAt: at(0) },
      ]);
      await repository.saveGatewayChecks([{ gateway: g1!, status: 'up', response: '200 OK', checkedAt: at(30) }]);
      expect(await stored(g1!.id)).toMatchObject({ status: 'up', statusSince: at(0), lastCheckedAt: at(30) });
      expect(await stored(g2!.id)).toMatchObject({ status: 'down', lastResponse: 'timeout', statusSince: at(0) });

      await repository.saveGatewayChecks([{ gateway: g1!, status: 'down', response: '503', checkedAt: at(60) }]);
      expect(await stored(g1!.id)).toMatchObject({ status: 'down', statusSince: at(60), lastCheckedAt: at(60) });

      // An older result (another worker's overlapping round) and one for the gateway's old address are dropped.
      await repository.saveGatewayChecks([{ gateway: g1!, status: 'up', response: '200 OK', checkedAt: at(45) }]);
      await repository.saveGatewayChecks([
        { gateway: { ...g2!, host: 'moved.example' }, status: 'up', response: '200 OK', checkedAt: at(90) },
      ]);
      expect(await stored(g1!.id)).toMatchObject({ status: 'down', lastCheckedAt: at(60) });
      expect(await stored(g2!.id)).toMatchObject({ status: 'down', lastCheckedAt: at(0) });
      await expect(repository.saveGatewayChecks([])).resolves.toBeUndefined();
    });
  });

  describe('registration with carriers (the worker)', () => {
    it('stores what the edge reports, tells whose state changed, and unregisters carriers it no longer lists', async () => {
      const { id: other } = await db.account();
      const a = await repository.create(accountId, fields({ registerEnabled: true }), [gateway('ra.example')]);
      const b = await repository.create(other, fields({ registerEnabled: true }), [gateway('rb.example')]);
      const registered = { state: 'registered', detail: 'registered', expiresAt: at(3600) };
      const carrier = (id: string) => db.prisma.carrier.findUniqueOrThrow({ where: { id } });

      const changed = await repository.saveRegistrationStates(
        [
          { carrierId: a.id, ...registered },
          { carrierId: b.id, state: 'registering', detail: 'REGISTER sent', expiresAt: null },
        ],
        at(0),
      );
      expect(changed.sort()).toEqual([accountId, other].sort());
      expect(await carrier(a.id)).toMatchObject({
        registrationState: 'registered',
        registrationExpiresAt: at(3600),
        registrationSince: at(0),
      });

      // The same state again: nothing changed, since stays; the expiry refresh is stored.
      const again = await repository.saveRegistrationStates(
        [
          { carrierId: a.id, ...registered, expiresAt: at(7200) },
          { carrierId: b.id, state: 'registering', detail: 'REGISTER sent', expiresAt: null },
        ],
        at(60),
      );
      expect(again).toEqual([]);
      expect(await carrier(a.id)).toMatchObject({ registrationSince: at(0), registrationExpiresAt: at(7200) });

      // b is no longer listed by the edge: unregistered, and its account told.
      expect(await repository.saveRegistrationStates([{ carrierId: a.id, ...registered }], at(120))).toEqual([other]);
      expect(await carrier(b.id)).toMatchObject({
        registrationState: 'unregistered',
        registrationDetail: null,
        registrationSince: at(120),
      });
    });
  });
});
