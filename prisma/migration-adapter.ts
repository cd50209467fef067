import { PrismaPg } from '@prisma/adapter-pg';
import { Client, type PoolConfig, type QueryResult } from 'pg';

// PostgreSQL `name` (19) and `"char"` (18) columns appear in the catalog queries the
// schema engine runs; the pg driver adapter does not map them (prisma/orm#27403).
const CATALOG_TEXT_OIDS = new Set([18, 19]);
const TEXT_OID = 25;

function retypeCatalogColumns(result: QueryResult | undefined): void {
  for (const field of result?.fields ?? []) {
    if (CATALOG_TEXT_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
  }
}

// pg's Pool calls Client#query in callback style, so the callback is wrapped.
class CatalogTextClient extends Client {
  override query(...args: unknown[]): never {
    const last = args[args.length - 1];
    if (typeof last === 'function') {
      const callback = last as (err: Error | null, res?: QueryResult) => void;
      args[args.length - 1] = (err: Error | null, res?: QueryResult) => {
        retypeCatalogColumns(res);
        callback(err, res);
      };
    }
    const query = super.query as (...a: unknown[]) => unknown;
    const result = query.apply(this, args);
    if (result instanceof Promise) {
      return result.then((res: QueryResult) => {
        retypeCatalogColumns(res);
        return res;
      }) as never;
    }
    return result as never;
  }
}

/**
 * Driver adapter for the Prisma CLI's WASM schema engine (migrate, diff).
 * Connection fields are spelled out rather than passed as a connection string so that the
 * adapter's shadow-database connection can override `database`.
 */
export function migrationAdapter(databaseUrl: string): PrismaPg {
  const url = new URL(databaseUrl);
  const config: PoolConfig = {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: url.pathname.slice(1),
    idleTimeoutMillis: 50,
    allowExitOnIdle: true,
    Client: CatalogTextClient,
  };
  return new PrismaPg(config);
}
