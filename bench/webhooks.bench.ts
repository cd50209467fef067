/**
 * `npm run bench:webhooks`: SIP calls through Callwire's edge at a steady rate → edge events (Redis stream) →
 * the worker (call records, webhook events) → signed POSTs to a local receiver. Measured per webhook: latency
 * from the moment the edge saw the SIP event (the payload's createdAt, the edge's clock) to receipt; deliveries/s;
 * lost (expected webhooks never received).
 * Baseline in the same run: a bare BullMQ producer → worker → HTTP POST loop with no platform logic, at the same
 * webhook rate, on the same Redis; its latency is from Queue.add to receipt.
 *
 * The run creates its own database (migrated, seeded with SQL: one account, a caller, a callee and a webhook
 * endpoint subscribed to call.*) and queue prefix, starts the edge (infra/scripts/kamailio.sh) and the worker
 * (apps/worker/src/main.ts) as their own processes, and removes everything at the end.
 * Knobs: BENCH_CALL_RATE (100 calls/s), BENCH_DURATION (60 s), BENCH_DRAIN_SECONDS (60: how long to wait for
 * the last webhooks after the calls).
 */
import 'dotenv/config';
import { Queue, Worker } from 'bullmq';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { type IncomingMessage, type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import { redisOptionsFromUrl } from '../libs/queues/src/redis-connection';
import { encryptSecret, generateWebhookSecret, verifyWebhook } from '../libs/webhooks/src';
import { seedAccount, writeUsers } from './sip/accounts';
import { NativeProcess, PortPool, waitForSip } from './sip/processes';
import { percentile, runSipp, startSipp } from './sip/sipp';
import { Cleanup, Service, createMigratedDatabase, describe, envInt, log, sleep, table } from './support';

const ROOT = resolve(__dirname, '..');
const SIP_DIR = resolve(__dirname, 'sip');
const SIP_DOMAIN = 'webhooks.bench.callwire.localhost';
const RATE = envInt('BENCH_CALL_RATE', 100);
const DURATION = envInt('BENCH_DURATION', 60);
const DRAIN_SECONDS = envInt('BENCH_DRAIN_SECONDS', 60);
/** call.initiated, call.ringing, call.answered, call.completed. */
const WEBHOOKS_PER_CALL = 4;
const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

interface Receipt {
  readonly id: string;
  readonly latencyMs: number;
  readonly at: number;
}

/** A receiver that records each webhook's id, latency and arrival (and checks its signature). */
async function startReceiver(latencyOf: (request: IncomingMessage, body: string) => Receipt | null) {
  const receipts: Receipt[] = [];
  let rejected = 0;
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const receipt = latencyOf(request, body);
      if (receipt) receipts.push(receipt);
      else rejected++;
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    receipts,
    rejected: () => rejected,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

async function seed(databaseUrl: string, endpointUrl: string, secret: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const accountId = await seedAccount(client, {
      name: 'Webhooks bench',
      sipDomain: SIP_DOMAIN,
      usernames: ['caller', 'callee'],
    });
    const key = Buffer.from(process.env.WEBHOOK_ENCRYPTION_KEY ?? '', 'base64url');
    await client.query(
      `INSERT INTO webhook_endpoints (id, account_id, url, events, secret_encrypted, updated_at)
       VALUES (gen_random_uuid(), $1, $2, $3, $4, now())`,
      [
        accountId,
        endpointUrl,
        ['call.initiated', 'call.ringing', 'call.answered', 'call.completed'],
        encryptSecret(key, secret),
      ],
    );
  } finally {
    await client.end();
  }
}

const stats = (receipts: Receipt[], seconds: number) => {
  const latencies = receipts.map((receipt) => receipt.latencyMs);
  const first = Math.min(...receipts.map((receipt) => receipt.at));
  const last = Math.max(...receipts.map((receipt) => receipt.at));
  return {
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    rate: receipts.length / Math.max(seconds, (last - first) / 1000),
  };
};

/** Bare baseline: Queue.add → BullMQ worker → HTTP POST, `total` jobs at `perSecond`. */
async function bareBaseline(prefix: string, perSecond: number, total: number) {
  const receiver = await startReceiver((request, body) => {
    const sentAt = Number(JSON.parse(body).sentAt);
    return { id: String(request.headers['x-id']), latencyMs: Date.now() - sentAt, at: Date.now() };
  });
  const connection = { ...redisOptionsFromUrl(REDIS_URL), maxRetriesPerRequest: null };
  const queue = new Queue('bare-webhooks', { connection, prefix });
  const worker = new Worker(
    'bare-webhooks',
    async (job) => {
      const response = await fetch(receiver.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-id': String(job.id) },
        body: JSON.stringify(job.data),
        signal: AbortSignal.timeout(5000),
      });
      if (!response.ok) throw new Error(`status ${response.status}`);
    },
    { connection, prefix, concurrency: 10 },
  );
  const started = Date.now();
  for (let sent = 0; sent < total; sent++) {
    const due = started + (sent * 1000) / perSecond;
    if (due > Date.now()) await sleep(due - Date.now());
    await queue.add('post', { sentAt: Date.now() }, { removeOnComplete: true });
  }
  const deadline = Date.now() + DRAIN_SECONDS * 1000;
  while (receiver.receipts.length < total && Date.now() < deadline) await sleep(100);
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  await receiver.close();
  return { receipts: receiver.receipts, lost: total - new Set(receiver.receipts.map((r) => r.id)).size };
}

/** From the database: edge event time -> delivery row created (published), and -> delivery succeeded. */
async function stageLatencies(databaseUrl: string): Promise<{ published: string; delivered: string }> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ published: number; delivered: number }>(
      `SELECT extract(epoch FROM d.created_at - e.created_at) * 1000 AS published,
              extract(epoch FROM d.updated_at - d.created_at) * 1000 AS delivered
         FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id WHERE d.state = 'succeeded'`,
    );
    const pair = (values: number[]) => `${percentile(values, 0.5).toFixed(1)} / ${percentile(values, 0.99).toFixed(1)}`;
    return {
      published: pair(rows.map((row) => Number(row.published))),
      delivered: pair(rows.map((row) => Number(row.delivered))),
    };
  } finally {
    await client.end();
  }
}

async function main(): Promise<number> {
  const cleanup = new Cleanup();
  const runId = randomBytes(4).toString('hex');
  const prefix = `callwire-bench-${runId}`;
  const work = mkdtempSync(join(tmpdir(), 'callwire-bench-webhooks-'));
  cleanup.add('remove the work directory', async () => rmSync(work, { recursive: true, force: true }));
  cleanup.add('remove the Redis keys', async () => {
    const redis = new Redis(redisOptionsFromUrl(REDIS_URL));
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });
  const ports = new PortPool();
  try {
    const secret = generateWebhookSecret();
    const receiver = await startReceiver((request, body) => {
      try {
        verifyWebhook(secret, request.headers as Record<string, string>, body);
      } catch {
        return null;
      }
      const payload = JSON.parse(body) as { id: string; createdAt: string };
      return { id: payload.id, latencyMs: Date.now() - Date.parse(payload.createdAt), at: Date.now() };
    });
    cleanup.add('stop the receiver', receiver.close);
    const { databaseUrl } = await createMigratedDatabase(`callwire_bench_${runId}`, cleanup);
    await seed(databaseUrl, receiver.url, secret);
    writeUsers(join(work, 'caller.csv'), ['caller']);
    writeUsers(join(work, 'callee.csv'), ['callee']);

    chmodSync(work, 0o755); // the edge runs as the kamailio user
    const edgePort = await ports.take();
    const rpcPort = await ports.take();
    const edgeRunDir = join(work, 'edge');
    mkdirSync(edgeRunDir);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      QUEUE_PREFIX: prefix,
      SIP_LISTEN_IP: '127.0.0.1',
      SIP_PORT: String(edgePort),
      SIP_TLS_PORT: String(await ports.take()),
      SIP_WSS_PORT: String(await ports.take()),
      EDGE_RPC_PORT: String(rpcPort),
      EDGE_RUN_DIR: edgeRunDir,
      WORKER_HEALTH_PORT: '0',
      // The receiver is on loopback, which the worker does not call unless allowed.
      EGRESS_ALLOWED_NETWORKS: '127.0.0.0/8',
      NO_COLOR: '1',
    };
    delete env.EDGE_TLS_CERT;
    delete env.EDGE_TLS_KEY;
    const edge = NativeProcess.start('callwire edge', 'bash', [resolve(ROOT, 'infra/scripts/kamailio.sh')], {
      env,
      cwd: ROOT,
    });
    cleanup.add('stop the edge', () => edge.stop());
    await waitForSip('callwire edge', edgePort, edge);
    const worker = Service.start('worker', ['-r', '@swc-node/register', 'apps/worker/src/main.ts'], env, ROOT);
    cleanup.add('stop the worker', () => worker.stop());
    await sleep(4000);
    log(`edge on udp 127.0.0.1:${edgePort}, worker pid ${worker.pid}, receiver ${receiver.url}`);

    const keys = { domain: SIP_DOMAIN, callee: 'callee' };
    const calleePort = await ports.take();
    const registration = await runSipp(
      {
        label: 'callee registration',
        scenario: join(SIP_DIR, 'register.xml'),
        remote: `127.0.0.1:${edgePort}`,
        injection: join(work, 'callee.csv'),
        keys,
        rate: 1,
        calls: 1,
        port: calleePort,
        dir: work,
      },
      ports,
    );
    if (registration.successful !== 1) throw new Error('the callee could not register');
    const callee = await startSipp(
      {
        label: 'callee',
        scenario: join(SIP_DIR, 'callee.xml'),
        service: 'callee',
        port: calleePort,
        limit: 10_000,
        dir: work,
      },
      ports,
    );
    cleanup.add('stop the callee', () => callee.sipp.stop());

    log(`calls: ${RATE}/s for ${DURATION} s through the edge`);
    const calls = await runSipp(
      {
        label: 'caller',
        scenario: join(SIP_DIR, 'caller.xml'),
        remote: `127.0.0.1:${edgePort}`,
        injection: join(work, 'caller.csv'),
        keys,
        rate: RATE,
        calls: RATE * DURATION,
        limit: 10_000,
        dir: work,
      },
      ports,
    );
    const expected = calls.successful * WEBHOOKS_PER_CALL;
    log(`  ${calls.successful} calls completed, ${calls.failed} failed: ${expected} webhooks expected`);
    const drainDeadline = Date.now() + DRAIN_SECONDS * 1000;
    while (new Set(receiver.receipts.map((r) => r.id)).size < expected && Date.now() < drainDeadline) await sleep(200);
    const unique = new Set(receiver.receipts.map((r) => r.id)).size;
    const callwire = stats(receiver.receipts, DURATION);
    const stages = await stageLatencies(databaseUrl);

    log(`baseline: bare BullMQ producer → worker → HTTP POST, ${RATE * WEBHOOKS_PER_CALL}/s for ${DURATION} s`);
    const bare = await bareBaseline(`${prefix}-bare`, RATE * WEBHOOKS_PER_CALL, RATE * WEBHOOKS_PER_CALL * DURATION);
    const bareStats = stats(bare.receipts, DURATION);

    const fixed = (value: number) => value.toLocaleString('en-US', { maximumFractionDigits: 1 });
    process.stdout.write(
      `\n${table(
        ['pipeline', 'webhooks', 'received', 'lost', 'bad signature', 'deliveries/s', 'p50 ms', 'p99 ms'],
        [
          [
            'callwire (edge → webhook)',
            fixed(expected),
            fixed(unique),
            fixed(expected - unique),
            fixed(receiver.rejected()),
            fixed(callwire.rate),
            fixed(callwire.p50),
            fixed(callwire.p99),
          ],
          [
            'bare BullMQ → POST',
            fixed(RATE * WEBHOOKS_PER_CALL * DURATION),
            fixed(bare.receipts.length),
            fixed(bare.lost),
            '-',
            fixed(bareStats.rate),
            fixed(bareStats.p50),
            fixed(bareStats.p99),
          ],
        ],
      )}\n\ncalls ${RATE}/s for ${DURATION} s: ${calls.successful} completed, ${calls.failed} failed. ` +
        `Targets: p50 <= 25 ms (${fixed(callwire.p50)}), p99 <= 100 ms (${fixed(callwire.p99)}), lost 0 (${expected - unique}).\n` +
        `Where the time goes (p50 / p99 ms): edge event -> webhook event stored ${stages.published}, ` +
        `stored -> delivered ${stages.delivered}.\n`,
    );
    return 0;
  } catch (error) {
    process.stderr.write(`[bench] failed: ${describe(error)}\n`);
    return 1;
  } finally {
    await cleanup.run();
  }
}

void main().then((code) => process.exit(code));
