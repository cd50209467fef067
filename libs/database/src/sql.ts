import type { Provider } from '@nestjs/common';
import { type Compilable, Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient } from 'kysely';
import { isDeepStrictEqual } from 'node:util';
import { Pool, type PoolClient, types } from 'pg';
import type { DB } from './generated/kysely';

/** Views the edge reads (created by the migrations' SQL, not in schema.prisma), as far as repositories read them. */
export interface Views {
  /** The edge's htable acctlimits at start: `<sipDomain>::calls` and `<sipDomain>::regs` of accounts with limits. */
  kamailio_account_limits: { key_name: string; key_value: string };
}

/** The tables (types generated from schema.prisma by prisma-kysely) and the views repositories read. */
export type Database = DB & Views;

const TIMESTAMP_OID = 1114;

/** Columns are `timestamp(3)` (Prisma's DateTime) holding UTC, as Prisma and Kamailio write them. */
function parseUtcTimestamp(value: string): Date {
  return new Date(`${value.replace(' ', 'T')}Z`);
}

/** Per-query type parsers: timestamps read as UTC, the rest as node-postgres reads them. */
const UTC_TYPES = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === TIMESTAMP_OID) return parseUtcTimestamp;
    return format === 'binary' ? types.getTypeParser(oid, 'binary') : types.getTypeParser(oid);
  }) as typeof types.getTypeParser,
};

/** Dates (also in arrays) are sent as UTC ISO strings: a `timestamp` column keeps the UTC wall-clock time whatever TZ says. */
function toParameter(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  return Array.isArray(value) ? value.map(toParameter) : value;
}

/** A client of the shared pool whose queries read and write timestamps as UTC (no global pg type changes). */
function utcClient(client: PoolClient): PostgresPoolClient {
  // Kysely streams with a cursor (a Submittable); everything else is SQL text and parameters.
  const query = (sqlOrCursor: unknown, parameters?: readonly unknown[]): unknown =>
    typeof sqlOrCursor === 'string'
      ? client.query({ text: sqlOrCursor, values: parameters?.map(toParameter), types: UTC_TYPES })
      : client.query(sqlOrCursor as never);
  return { query: query as PostgresPoolClient['query'], release: (destroy) => client.release(destroy) };
}

/** The shared pool as Kysely's dialect takes it; ending it is PrismaService's job (it owns the pool's end). */
function utcPool(pool: Pool): PostgresPool {
  return { connect: async () => utcClient(await pool.connect()), end: async () => undefined };
}

/**
 * The typed query builder of the repositories (Kysely over the node-postgres pool Prisma also uses): SQL that
 * Prisma cannot express or that runs on hot paths, where Prisma's query compiler costs ~200 µs per query
 * (docs/BENCHMARKS.md). Table and column types come from schema.prisma, so a renamed column fails to compile.
 */
export class Sql extends Kysely<Database> {
  constructor(private readonly pool: Pool) {
    super({ dialect: new PostgresDialect({ pool: utcPool(pool) }) });
  }

  /** Each named statement's SQL, compiled by Kysely on its first run. */
  private readonly statements = new Map<string, string>();

  /**
   * Runs a query as a named (prepared) statement: PostgreSQL plans it once per connection instead of once per
   * call, and Kysely builds and compiles its SQL once per process instead of on every request. `parameters`
   * are the values in the order the SQL takes them: the first run checks them against Kysely's compilation,
   * later runs skip `build`. For the hot paths only, and only for SQL text that never varies.
   */
  async prepared<Row>(name: string, parameters: readonly unknown[], build: () => Compilable<Row>): Promise<Row[]> {
    let text = this.statements.get(name);
    if (text === undefined) {
      const compiled = build().compile();
      if (!isDeepStrictEqual([...compiled.parameters], [...parameters])) {
        throw new Error(`statement ${name}: the parameters given are not the ones its SQL takes, in that order`);
      }
      text = compiled.sql;
      this.statements.set(name, text);
    }
    const { rows } = await this.pool.query({ name, text, values: parameters.map(toParameter), types: UTC_TYPES });
    return rows as Row[];
  }

  /**
   * Runs a compiled query on a connection the caller holds (a transaction that code outside Kysely takes part
   * in, e.g. the webhook statement after a batch of call records), with the same UTC timestamps.
   */
  async runOn<Row>(client: PoolClient, query: Compilable<Row>): Promise<Row[]> {
    const { sql: text, parameters } = query.compile();
    const { rows } = await client.query({ text, values: parameters.map(toParameter), types: UTC_TYPES });
    return rows as Row[];
  }
}

export function createSql(pool: Pool): Sql {
  return new Sql(pool);
}

export const sqlProvider: Provider = { provide: Sql, inject: [Pool], useFactory: createSql };
