import { type MediumDatabase, openMediumDatabase, unique } from '../../../../test/support/medium-database';
import { LocationRepository } from './location.repository';

describe('LocationRepository (PostgreSQL, the edge-written location tables)', () => {
  let db: MediumDatabase;
  let repository: LocationRepository;
  let account: { id: string; sipDomain: string };
  const now = new Date('2026-12-03T12:00:00.000Z');
  const at = (seconds: number) => new Date(now.getTime() + seconds * 1000);

  /** A row as usrloc writes it (timestamps in UTC); returns its ruid. */
  async function register(username: string, expires: Date, domain = account.sipDomain, token?: string) {
    const ruid = unique('ruid');
    await db.sql
      .insertInto('location')
      .values({
        ruid,
        username,
        domain,
        contact: `sip:${username}@192.0.2.10:5060`,
        received: 'sip:192.0.2.10:5060;transport=udp',
        socket: 'udp:127.0.0.1:5060',
        user_agent: 'medium-spec',
        expires,
      })
      .execute();
    if (token) {
      await db.sql
        .insertInto('location_attrs')
        .values({ ruid, username, domain, aname: 'token', atype: 0, avalue: token })
        .execute();
    }
    return ruid;
  }

  beforeAll(async () => {
    db = await openMediumDatabase();
    repository = new LocationRepository(db.sql);
    account = await db.account();
  });
  afterAll(() => db.close());

  it("lists the account's unexpired registrations by username, with the SIP user and client token", async () => {
    const alice = await db.prisma.sipUser.create({
      data: { accountId: account.id, username: 'alice', ha1: '0'.repeat(32) },
    });
    await register('bob', at(60));
    await register('alice', at(3600));
    await register('alice', at(-1)); // expired
    await register('carol', at(60), account.sipDomain, 'token-1');
    await register('alice', at(60), (await db.account()).sipDomain); // another account's

    const rows = await repository.listActive(account.id, { limit: 10 }, now);

    expect(rows.map((row) => [row.username, row.sipUserId, row.clientTokenId])).toEqual([
      ['alice', alice.id, null],
      ['bob', null, null],
      ['carol', null, 'token-1'],
    ]);
    expect(rows[0]).toMatchObject({
      domain: account.sipDomain,
      received: 'sip:192.0.2.10:5060;transport=udp',
      socket: 'udp:127.0.0.1:5060',
      userAgent: 'medium-spec',
      expiresAt: at(3600),
    });

    const firstPage = await repository.listActive(account.id, { limit: 1 }, now);
    expect(firstPage).toHaveLength(2);
    const [first] = firstPage;
    const next = await repository.listActive(account.id, { limit: 10, after: [first!.username, first!.id] }, now);
    expect(next.map((row) => row.username)).toEqual(['bob', 'carol']);
  });

  it('tells which of some users of a domain are registered now', async () => {
    const other = await db.account();
    await register('dave', at(60), other.sipDomain);
    await register('erin', at(-60), other.sipDomain);
    await register('frank', at(60), account.sipDomain);

    expect(await repository.findRegistered(other.sipDomain, ['dave', 'erin', 'frank', 'nobody'], now)).toEqual(
      new Set(['dave']),
    );
    // The prepared statement again, on whichever pooled connection: same answer.
    expect(await repository.findRegistered(other.sipDomain, ['erin'], now)).toEqual(new Set());
    expect(await repository.findRegistered(other.sipDomain, [], now)).toEqual(new Set());
  });

  it("finds the contacts a client token registered (the edge's token tag), as user@domain", async () => {
    const token = unique('token');
    await register('grace', at(60), account.sipDomain, token);
    await register('grace', at(120), account.sipDomain, token);
    await register('grace', at(60), account.sipDomain, unique('token'));

    const contacts = await repository.findContactsByToken(token);

    expect(contacts).toEqual([
      { aor: `grace@${account.sipDomain}`, contact: 'sip:grace@192.0.2.10:5060' },
      { aor: `grace@${account.sipDomain}`, contact: 'sip:grace@192.0.2.10:5060' },
    ]);
    expect(await repository.findContactsByToken(unique('none'))).toEqual([]);
  });
});
