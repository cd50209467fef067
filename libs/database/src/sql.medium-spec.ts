import { sql } from 'kysely';
import { type MediumDatabase, openMediumDatabase } from '../../../test/support/medium-database';

describe('Sql (Kysely over the shared pool)', () => {
  let db: MediumDatabase;

  beforeAll(async () => {
    db = await openMediumDatabase();
  });
  afterAll(() => db.close());

  it('writes and reads timestamp columns as UTC, as Prisma does', async () => {
    const { id } = await db.account();
    const at = new Date('2026-07-01T12:34:56.789Z');
    await db.sql.updateTable('accounts').set({ created_at: at }).where('id', '=', id).execute();

    const read = await db.sql
      .selectFrom('accounts')
      .select('created_at')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const text = await sql<{ text: string }>`SELECT created_at::text AS text FROM accounts WHERE id = ${id}`.execute(
      db.sql,
    );

    expect(read.created_at).toEqual(at);
    expect(text.rows[0]?.text).toBe('2026-07-01 12:34:56.789');
    expect((await db.prisma.account.findUniqueOrThrow({ where: { id } })).createdAt).toEqual(at);
  });

  it('does not change how other users of the pool read timestamps', async () => {
    const { rows } = await db.pool.query<{ t: unknown }>(`SELECT '2026-07-01 12:00:00'::timestamp AS t`);
    const local = new Date(2026, 6, 1, 12, 0, 0);
    expect(rows[0]?.t).toEqual(local);
  });

  it('builds a named statement once and checks its parameters against the compiled SQL on the first run', async () => {
    const { id, sipDomain } = await db.account();
    let builds = 0;
    const domainOf = (accountId: string) =>
      db.sql.prepared('test-account-domain', [accountId], () => {
        builds++;
        return db.sql.selectFrom('accounts').select('sip_domain').where('id', '=', accountId);
      });

    expect(await domainOf(id)).toEqual([{ sip_domain: sipDomain }]);
    expect(await domainOf((await db.account()).id)).toHaveLength(1);
    expect(builds).toBe(1);

    const misordered = db.sql.prepared('test-misordered', [id, sipDomain], () =>
      db.sql.selectFrom('accounts').select('id').where('sip_domain', '=', sipDomain).where('id', '=', id),
    );
    await expect(misordered).rejects.toThrow('test-misordered: the parameters given are not the ones its SQL takes');
  });
});
