import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { PrismaService, type Sql, createSql, uuidv7 } from '@callwire/database';

/** What a medium spec (repositories against the per-run PostgreSQL of global-setup.ts) works with. */
export interface MediumDatabase {
  readonly pool: Pool;
  readonly prisma: PrismaService;
  readonly sql: Sql;
  /** A new account with a SIP domain no other spec uses; returns its id and domain. */
  account(): Promise<{ id: string; sipDomain: string }>;
  close(): Promise<void>;
}

/** Names no other spec of the run uses (specs share the run's database and run in parallel). */
export function unique(prefix: string): string {
  return `${prefix}-${randomBytes(5).toString('hex')}`;
}

export async function openMediumDatabase(): Promise<MediumDatabase> {
  const url = process.env.DATABASE_URL;
  if (!url || !process.env.CALLWIRE_TEST_DATABASE) throw new Error('medium specs need the run of global-setup.ts');
  const pool = new Pool({ connectionString: url, max: 4 });
  const prisma = new PrismaService(pool);
  const sql = createSql(pool);
  return {
    pool,
    prisma,
    sql,
    async account() {
      const sipDomain = `${unique('medium')}.test`;
      const { id } = await prisma.account.create({ data: { id: uuidv7(), name: sipDomain, sipDomain } });
      return { id, sipDomain };
    },
    async close() {
      await sql.destroy();
      await prisma.$disconnect();
      await pool.end();
    },
  };
}
