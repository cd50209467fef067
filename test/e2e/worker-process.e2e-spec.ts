import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { type ApiKeyUsageJob, QueueName, redisOptionsFromUrl } from '@callwire/queues';
import { ApiHarness } from '../support/api-harness';
import { isolateQueues } from '../support/test-run';

const ROOT = resolve(__dirname, '../..');
// Own queue namespace: other suites run in-process workers, which would take the job.
const QUEUE_PREFIX = isolateQueues('shutdown');

/** Starts apps/worker/src/main.ts as its own process (TypeScript via @swc-node/register). */
async function startWorkerProcess(): Promise<{ child: ChildProcess; healthUrl: string; output: () => string }> {
  let output = '';
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/worker/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      QUEUE_PREFIX,
      WORKER_HEALTH_PORT: '0',
      NO_COLOR: '1',
      SWC_NODE_PROJECT: resolve(ROOT, 'tsconfig.json'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const match = /health on (http:\/\/\S+\/healthz)/.exec(output);
    if (match?.[1] && output.includes('worker ready')) return { child, healthUrl: match[1], output: () => output };
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`worker did not start:\n${output}`);
}

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
    const worker = await startWorkerProcess();

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
