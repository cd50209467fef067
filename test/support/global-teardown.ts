import { Redis } from 'ioredis';
import { Client } from 'pg';
import { redisOptionsFromUrl } from '../../libs/queues/src/redis-connection';

export default async function globalTeardown(): Promise<void> {
  const baseUrl = process.env.CALLWIRE_TEST_BASE_DATABASE_URL;
  const database = process.env.CALLWIRE_TEST_DATABASE;
  if (baseUrl && database) {
    const admin = new Client({ connectionString: baseUrl });
    await admin.connect();
    // The run's database, and those of specs that isolated theirs (isolateDatabase).
    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname = $1 OR starts_with(datname, $1 || '_')`,
      [database],
    );
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await admin.end();
  }
  const prefix = process.env.QUEUE_PREFIX;
  if (prefix?.startsWith('cwtest-')) {
    const redis = new Redis(redisOptionsFromUrl(process.env.REDIS_URL || 'redis://127.0.0.1:6379'));
    const keys = await redis.keys(`${prefix}*`); // includes per-suite prefixes like `${prefix}-shutdown`;
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  }
}
