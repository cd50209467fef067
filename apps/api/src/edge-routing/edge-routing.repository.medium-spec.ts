import { randomBytes } from 'node:crypto';
import { type MediumDatabase, openMediumDatabase, unique } from '../../../../test/support/medium-database';
import { type CarrierSource, EdgeRoutingRepository } from './edge-routing.repository';

/** Routing's read model (numbers, carriers, gateways, routes, applications joined) on the run's PostgreSQL. */
describe('EdgeRoutingRepository (PostgreSQL)', () => {
  let db: MediumDatabase;
  let repository: EdgeRoutingRepository;
  let account: { id: string; sipDomain: string };
  // An address block of this spec only (other specs' carriers list loopback and documentation addresses).
  const octet = 1 + ((randomBytes(1)[0] ?? 0) % 250);
  const carrierNet = `100.64.${octet}.0/24`;
  const fromCarrier: CarrierSource = { sourceIp: `100.64.${octet}.7`, carrierUsername: null, requestUser: '+1' };
  const stranger: CarrierSource = { sourceIp: '100.127.255.254', carrierUsername: null, requestUser: '+1' };
  const number = () => `+1999${randomBytes(4).readUInt32BE(0).toString().padStart(10, '0').slice(0, 7)}`;

  beforeAll(async () => {
    db = await openMediumDatabase();
    repository = new EdgeRoutingRepository(db.pool);
    account = await db.account();
  });
  afterAll(() => db.close());

  it('finds the number (with or without +) and the carrier the call comes from, by address or credentials', async () => {
    const carrier = await db.prisma.carrier.create({
      data: {
        accountId: account.id,
        name: 'by address',
        inboundAddresses: [carrierNet],
        dtmf: 'info',
        srtp: 'require',
      },
    });
    const username = unique('trunk');
    const digest = await db.prisma.carrier.create({
      data: { accountId: account.id, name: 'by digest', inboundAuthUsername: username },
    });
    const dialled = number();
    await db.prisma.phoneNumber.create({
      data: {
        accountId: account.id,
        number: dialled,
        carrierId: digest.id,
        routeType: 'sip-user',
        routeTarget: 'alice',
      },
    });

    expect(await repository.findInboundNumber([dialled, dialled.slice(1)], fromCarrier)).toEqual({
      accountId: account.id,
      sipDomain: account.sipDomain,
      routeType: 'sip-user',
      routeTarget: 'alice',
      carrierId: carrier.id,
      carrierDtmf: 'info',
      carrierSrtp: 'require',
      challengeable: true,
    });
    // Both match: the number's own carrier first.
    const both = { ...fromCarrier, carrierUsername: username };
    expect(await repository.findInboundNumber([dialled], both)).toMatchObject({ carrierId: digest.id });
    expect(await repository.findInboundNumber([dialled], stranger)).toMatchObject({
      carrierId: null,
      carrierDtmf: null,
    });
    expect(await repository.findInboundNumber([number()], fromCarrier)).toBeNull();

    expect(await repository.isKnownCarrier(fromCarrier)).toBe(true);
    expect(await repository.isKnownCarrier({ ...stranger, carrierUsername: username })).toBe(true);
    expect(await repository.isKnownCarrier({ ...stranger, requestUser: carrier.id })).toBe(false); // not registering
    expect(await repository.isKnownCarrier(stranger)).toBe(false);
  });

  it("lists the gateways of the enabled carriers of every route matching a number, the account's only", async () => {
    const { id: accountId } = await db.account();
    const carrier = async (name: string, enabled = true) => {
      const created = await db.prisma.carrier.create({
        data: { accountId, name, enabled, outboundAuthUsername: `${name}-user`, fromDomain: `${name}.example` },
      });
      await db.prisma.carrierGateway.create({
        data: { carrierId: created.id, host: `${name}.gw.example`, priority: 1 },
      });
      return created;
    };
    const [uk, us, off, any] = [
      await carrier('uk'),
      await carrier('us'),
      await carrier('off', false),
      await carrier('any'),
    ];
    const route = (prefix: string, priority: number, carrierId: string) =>
      db.prisma.outboundRoute.create({ data: { accountId, name: prefix, prefix, priority, carrierId } });
    await route('+44', 1, uk.id);
    await route('+1', 1, us.id);
    await route('+4420', 1, off.id);
    await route('', 9, any.id);

    const gateways = await repository.findOutboundGateways(accountId, '442071234567');
    expect(gateways.map((row) => [row.routePriority, row.host])).toEqual([
      [1, 'uk.gw.example'],
      [9, 'any.gw.example'],
    ]);
    expect(gateways[0]).toMatchObject({
      carrierId: uk.id,
      authUsername: 'uk-user',
      fromDomain: 'uk.example',
      srtp: 'off',
    });
    expect(await repository.findOutboundGateways(account.id, '442071234567')).toEqual([]);
  });

  it("finds an account by SIP domain and an application's voice URL within its account", async () => {
    expect(await repository.findAccountIdBySipDomain(account.sipDomain)).toBe(account.id);
    expect(await repository.findAccountIdBySipDomain(`${unique('none')}.test`)).toBeNull();

    const application = await db.prisma.application.create({
      data: {
        accountId: account.id,
        name: 'ivr',
        voiceUrl: 'https://app.example/voice',
        secretEncrypted: Buffer.from('s'),
      },
    });
    expect(await repository.findApplication(account.id, application.id)).toEqual({
      id: application.id,
      voiceUrl: 'https://app.example/voice',
      fallbackUrl: null,
      secretEncrypted: Buffer.from('s'),
    });
    expect(await repository.findApplication((await db.account()).id, application.id)).toBeNull();
    expect(await repository.findApplication(account.id, 'not-a-uuid')).toBeNull();
  });
});
