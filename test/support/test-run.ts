import { config as loadDotenv } from 'dotenv';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');

/** Loads .env without overriding the environment (the same rule the apps follow). */
export function loadEnv(): void {
  loadDotenv({ path: resolve(ROOT, '.env'), quiet: true });
}

export function withDatabase(databaseUrl: string, database: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export function randomRunId(): string {
  return `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
}

/** Environment for the Prisma CLI: offline WASM schema engine, no update checks. */
export function prismaEnv(databaseUrl: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: databaseUrl,
    CHECKPOINT_DISABLE: '1',
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
    PRISMA_QUERY_ENGINE_LIBRARY: resolve(ROOT, 'package.json'),
  };
}

/**
 * Gives this spec file its own BullMQ namespace (call before starting the API or a worker). Workers of
 * different files would otherwise take each other's jobs, e.g. edge-sync jobs meant for another file's edge.
 * The run's teardown removes every key under the run's prefix, these included.
 */
export function isolateQueues(suite: string): string {
  const prefix = `${process.env.QUEUE_PREFIX ?? 'cwtest'}-${suite}`;
  process.env.QUEUE_PREFIX = prefix;
  return prefix;
}

/** Creates `database` next to the one of `baseUrl`, migrated with the real migrations; returns its URL. */
export async function createMigratedDatabase(baseUrl: string, database: string): Promise<string> {
  const admin = new Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${database}"`);
  } finally {
    await admin.end();
  }
  const databaseUrl = withDatabase(baseUrl, database);
  execFileSync('npx', ['--no-install', 'prisma', 'migrate', 'deploy'], {
    cwd: ROOT,
    env: prismaEnv(databaseUrl),
    stdio: 'pipe',
  });
  return databaseUrl;
}

/**
 * Gives this spec file a database of its own (call first, like isolateQueues): for a spec whose worker acts
 * on every row of a table, e.g. health checks that would send OPTIONS to the SIPp gateways of other specs.
 * The run's teardown drops it with the run's database.
 */
export async function isolateDatabase(suite: string): Promise<void> {
  const baseUrl = process.env.CALLWIRE_TEST_BASE_DATABASE_URL;
  const runDatabase = process.env.CALLWIRE_TEST_DATABASE;
  if (!baseUrl || !runDatabase) throw new Error('isolateDatabase needs the test run of global-setup.ts');
  process.env.DATABASE_URL = await createMigratedDatabase(baseUrl, `${runDatabase}_${suite.replace(/\W/g, '_')}`);
}
