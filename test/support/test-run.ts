import { config as loadDotenv } from 'dotenv';
import { randomBytes } from 'node:crypto';
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
