import { once } from 'node:events';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { type ApiKeyUsageJob, QueueName, redisOptionsFromUrl } from '@callwire/queues';
import { ApiHarness } from '../support/api-harness';
import { isolateQueues } from '../support/test-run';
import { startWorkerProcess } from '../support/worker-process';

// Own queue namespace: other suites run in-process workers, which would take the job.
const QUEUE_PREFIX = isolateQueues('shutdown');

describe('Worker process (e2e)', () => {
  let api: ApiHarness;
  let queue: Queue<ApiKeyUsageJob>;

  beforeAll(async () => {
    api = await ApiHarness.start();
    queue = new Queue(QueueName.ApiKeyUsage, {
      connection: redisOptionsFromUrl(process.env.REDIS_URL || 'redis://127.0.0.1:6379'),
      prefix: QUEUE_PREFIX,
    });
  });
  afterAll(async () => {
    await queue.close();
    await api.close();
  });

  it('boots, reports its own health, and finishes an in-flight job on SIGTERM before exiting 0', async () => {
    const tenant = await api.createTenant('Graceful');
    const apiKey = await api.prisma.apiKey.findFirstOrThrow({ where: { accountId: tenant.accountId } });
    const worker = await startWorkerProcess({ QUEUE_PREFIX });

    const health = await fetch(worker.healthUrl);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', checks: { database: 'up', redis: 'up' } });

    // Hold a row lock so the job's UPDATE blocks: the job is in flight when SIGTERM arrives.
    const locker = new Client({ connectionString: process.env.DATABASE_URL });
    await locker.connect();
    await locker.query('BEGIN');
    await locker.query('SELECT id FROM api_keys WHERE id = $1 FOR UPDATE', [apiKey.id]);
    const usedAt = new Date();
    const job = await queue.add(QueueName.ApiKeyUsage, { apiKeyId: apiKey.id, usedAt: usedAt.toISOString() });
    const deadline = Date.now() + 10_000;
    while ((await job.getState()) !== 'active' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(await job.getState()).toBe('active');

    const exited = once(worker.child, 'exit');
    worker.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    expect(worker.child.exitCode).toBeNull(); // still waiting for the job
    await locker.query('COMMIT');
    await locker.end();

    const [code] = (await exited) as [number | null];
    expect(code).toBe(0);
    expect(await job.getState()).toBe('completed');
    const stored = await api.prisma.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } });
    expect(stored.lastUsedAt?.getTime()).toBe(usedAt.getTime());
  });
});
