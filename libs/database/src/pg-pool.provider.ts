import type { Provider } from '@nestjs/common';
import { Pool } from 'pg';
import { CALLWIRE_CONFIG, type CallwireConfig } from '@callwire/config';

const POOL_SIZE = 10;

/**
 * One node-postgres pool per process, shared by Prisma (through its driver adapter) and by the few
 * hot-path repositories that run plain SQL. Prisma 6's in-process query compiler costs ~200 µs of CPU
 * per query here against ~35 µs for the same parameterised SQL (docs/BENCHMARKS.md), so code that runs
 * on every request (authentication, list pages) uses SQL.
 */
export const pgPoolProvider: Provider = {
  provide: Pool,
  inject: [CALLWIRE_CONFIG],
  useFactory: (config: CallwireConfig) => new Pool({ connectionString: config.databaseUrl, max: POOL_SIZE }),
};
