/**
 * `npm run bench:webhooks`: SIP calls through Callwire's edge at steady rates → edge events (Redis streams) →
 * the worker processes (call records, webhook events, signed deliveries) → a local receiver. Measured per
 * webhook: latency from the moment the edge saw the SIP event (the payload's createdAt, the edge's clock) to
 * receipt; lost (expected webhooks never received); bad signatures; per-call order (the first receipt of each
 * step of a call must come in the order initiated, ringing, answered, completed).
 *
 * For each worker count of BENCH_WORKERS (1 and 2 processes by default), the rates of BENCH_CALL_RATES are run
 * in turn, each for BENCH_DURATION seconds; a rate is "sustained" when the calls all succeed and every webhook
 * has arrived within BENCH_SETTLE_SECONDS after the last call (the backlog did not grow). The first rate that is
 * not sustained ends that worker count. The headline is the highest sustained rate per worker count, next to
 * a bare BullMQ producer → worker → HTTP POST loop at the same webhook rate, on the same Redis (latency from
 * Queue.add to receipt). CPU per stage (worker processes, PostgreSQL, Redis, edge, SIPp, this process) is read
 * from /proc around each rate: bench/webhooks-cpu.ts.
 *
 * The run creates its own database (migrated, seeded with SQL: one account, a caller, a callee and a webhook
 * endpoint subscribed to call.*) and queue prefix, starts the edge (infra/scripts/kamailio.sh) and the worker
 * processes (apps/worker/src/main.ts), and removes everything at the end.
 * Knobs: BENCH_CALL_RATES (50,100,150,200 calls/s; BENCH_CALL_RATE is read as a one-rate list), BENCH_WORKERS
 * (1,2), BENCH_DURATION (60 s), BENCH_SETTLE_SECONDS (5), BENCH_DRAIN_SECONDS (60: how long to wait for the last
 * webhooks of a rate that is not sustained), BENCH_CPU_PROF=<dir> (the first worker process writes a
 * .cpuprofile; a summary is printed), BENCH_BARE=0 (no bare baseline).
 */
import 'dotenv/config';
import { Queue, Worker } from 'bullmq';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { type IncomingMessage, type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import { redisOptionsFromUrl } from '../libs/queues/src/redis-connection';
import { encryptSecret, generateWebhookSecret, verifyWebhook } from '../libs/webhooks/src';
import { summarize } from './cpu-profile';
import { seedAccount, writeUsers } from './sip/accounts';
import { NativeProcess, PortPool, waitForSip } from './sip/processes';
import { percentile, runSipp, startSipp } from './sip/sipp';
import {
  Cleanup,
  Service,
  createMigratedDatabase,
  describe,
  envInt,
  envIntList,
  fixed,
  log,
  sleep,
  table,
} from './support';
import { type Stage, cpuBetween, cpuSnapshot } from './webhooks-cpu';

const ROOT = resolve(__dirname, '..');
const SIP_DIR = resolve(__dirname, 'sip');
const SIP_DOMAIN = 'webhooks.bench.callwire.localhost';
const RATES = envIntList('BENCH_CALL_RATES', process.env.BENCH_CALL_RATE ?? '50,100,150,200');
const WORKER_COUNTS = envIntList('BENCH_WORKERS', '1,2');
const DURATION = envInt('BENCH_DURATION', 60);
const SETTLE_SECONDS = envInt('BENCH_SETTLE_SECONDS', 5);
const DRAIN_SECONDS = envInt('BENCH_DRAIN_SECONDS', 60);
const CPU_PROFILE_DIR = process.env.BENCH_CPU_PROF?.trim() || undefined;
const BARE = process.env.BENCH_BARE !== '0';
/** call.initiated, call.ringing, call.answered, call.completed. */
const STEPS = ['call.initiated', 'call.ringing', 'call.answered', 'call.completed'];
const WEBHOOKS_PER_CALL = STEPS.length;
const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

interface Receipt {
  readonly id: string;
  readonly latencyMs: number;
  readonly at: number;
  /** The call (data.id) and the step (type), for the order check; absent for the bare baseline. */
  readonly callId?: string;
  readonly type?: string;
}

/** A receiver that records each webhook's id, latency and arrival (and checks its signature). */
async function startReceiver(latencyOf: (request: IncomingMessage, body: string) => Receipt | null) {
  const receipts: Receipt[] = [];
  const ids = new Set<string>();
  let rejected = 0;
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const receipt = latencyOf(request, body);
      if (receipt) {
        receipts.push(receipt);
        ids.add(receipt.id);
      } else rejected++;
      response.writeHead(204).end();
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    receipts,
    unique: () => ids.size,
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
      [accountId, endpointUrl, STEPS, encryptSecret(key, secret)],
    );
  } finally {
    await client.end();
  }
}

const stats = (receipts: readonly Receipt[], seconds: number) => {
  const latencies = receipts.map((receipt) => receipt.latencyMs);
  let first = Infinity;
  let last = -Infinity;
  for (const { at } of receipts) {
    first = Math.min(first, at);
    last = Math.max(last, at);
  }
  return {
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    rate: receipts.length / Math.max(seconds, (last - first) / 1000),
  };
};

/** Calls whose steps were first received out of order (initiated, ringing, answered, completed). */
function outOfOrder(receipts: readonly Receipt[]): number {
  const seen = new Map<string, string[]>();
  const firstIds = new Set<string>();
  for (const { id, callId, type } of receipts) {
    if (!callId || !type || firstIds.has(id)) continue;
    firstIds.add(id);
    seen.set(callId, [...(seen.get(callId) ?? []), type]);
  }
  let wrong = 0;
  for (const types of seen.values()) {
    const ranks = types.map((type) => STEPS.indexOf(type));
    if (ranks.some((rank, i) => i > 0 && rank < (ranks[i - 1] ?? -1))) wrong++;
  }
  return wrong;
}

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
  return { receipts: receiver.receipts, lost: total - receiver.unique() };
}

/**
 * From the database: edge event time -> delivery row created (published), and -> delivery succeeded; and the
 * step's deliveries that did not succeed, by state (pending never tried, pending retrying, failed): a webhook
 * not received is either still on its way (retrying) or lost.
 */
async function stageLatencies(
  client: Client,
  since: Date,
): Promise<{ published: string; delivered: string; unfinished: string }> {
  const { rows: states } = await client.query<{ state: string; tried: boolean; count: string }>(
    `SELECT d.state::text AS state, d.attempts > 0 AS tried, count(*) AS count
       FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id
      WHERE d.state <> 'succeeded' AND e.created_at >= $1::timestamptz AT TIME ZONE 'UTC'
      GROUP BY 1, 2`,
    [since.toISOString()],
  );
  const { rows } = await client.query<{ published: number; delivered: number }>(
    `SELECT extract(epoch FROM d.created_at - e.created_at) * 1000 AS published,
            extract(epoch FROM d.updated_at - d.created_at) * 1000 AS delivered
       FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id
      WHERE d.state = 'succeeded' AND e.created_at >= $1::timestamptz AT TIME ZONE 'UTC'`,
    [since.toISOString()],
  );
  const pair = (values: number[]) => `${percentile(values, 0.5).toFixed(1)} / ${percentile(values, 0.99).toFixed(1)}`;
  return {
    published: pair(rows.map((row) => Number(row.published))),
    delivered: pair(rows.map((row) => Number(row.delivered))),
    unfinished:
      states.map(({ state, tried, count }) => `${count} ${state}${tried ? ' (retrying)' : ''}`).join(', ') || 'none',
  };
}

interface StepResult {
  readonly workers: number;
  readonly rate: number;
  readonly calls: number;
  readonly failedCalls: number;
  readonly expected: number;
  readonly received: number;
  readonly badSignatures: number;
  readonly outOfOrder: number;
  readonly sustained: boolean;
  readonly p50: number;
  readonly p99: number;
  readonly deliveriesPerSecond: number;
  readonly published: string;
  readonly delivered: string;
  /** Deliveries of the step not succeeded after the drain, by state. */
  readonly unfinished: string;
  /** CPU ms per stage over the step (calls and settling), and the worker's CPU ms per call. */
  readonly cpu: Record<Stage, number>;
  readonly seconds: number;
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
      const payload = JSON.parse(body) as { id: string; type: string; createdAt: string; data: { id?: string } };
      return {
        id: payload.id,
        latencyMs: Date.now() - Date.parse(payload.createdAt),
        at: Date.now(),
        callId: payload.data.id,
        type: payload.type,
      };
    });
    cleanup.add('stop the receiver', receiver.close);
    const { databaseUrl } = await createMigratedDatabase(`callwire_bench_${runId}`, cleanup);
    await seed(databaseUrl, receiver.url, secret);
    // One connection for the whole run, opened before the edge and the workers take theirs: PostgreSQL's
    // connection slots are shared with whatever else runs on this machine.
    let db = new Client({ connectionString: databaseUrl });
    db.on('error', () => undefined); // e.g. PostgreSQL restarted by someone else: read again below
    await db.connect();
    cleanup.add('close the database connection', () => db.end());
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
      // The bench's calls end by themselves: no reconciliation rounds against the edge in between.
      CALL_RECONCILE_INTERVAL_MS: '0',
      SIP_TRACE_COLLECTOR_PORT: '0',
      // PostgreSQL's 100 connections are shared with whatever else runs here: the edge's routing workers
      // (unused by these calls) hold 2 instead of 8.
      EDGE_ASYNC_WORKERS: '2',
      // SIPp's caller and callee are one address each: the edge's flood limit would ban the bench itself.
      EDGE_PIKE_REQS: '1000000',
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

    const results: StepResult[] = [];
    let profiled = false;
    for (const workerCount of WORKER_COUNTS) {
      const workers: Service[] = [];
      for (let i = 0; i < workerCount; i++) {
        const profile: string[] = CPU_PROFILE_DIR && !profiled ? workerProfileArgs(CPU_PROFILE_DIR, work) : [];
        profiled ||= profile.length > 0;
        const worker = Service.start(
          `worker ${i + 1}`,
          [...profile, '-r', '@swc-node/register', 'apps/worker/src/main.ts'],
          env,
          ROOT,
        );
        workers.push(worker);
        cleanup.add(`stop worker ${i + 1}`, () => worker.stop());
      }
      for (const worker of workers) await waitForLine(worker, 'worker ready');
      await sleep(2000); // leases and consumer groups settle
      log(`${workerCount} worker process(es): pids ${workers.map((worker) => worker.pid).join(', ')}`);
      const pids = workers.flatMap((worker) => (worker.pid ? [worker.pid] : []));

      for (const rate of RATES) {
        const from = receiver.receipts.length;
        const unique = receiver.unique();
        const rejected = receiver.rejected();
        const since = new Date();
        const before = cpuSnapshot(pids);
        const started = Date.now();
        log(`${workerCount} worker(s), ${rate} calls/s for ${DURATION} s`);
        const calls = await runSipp(
          {
            label: 'caller',
            scenario: join(SIP_DIR, 'caller.xml'),
            remote: `127.0.0.1:${edgePort}`,
            injection: join(work, 'caller.csv'),
            keys,
            rate,
            calls: rate * DURATION,
            limit: 10_000,
            dir: work,
          },
          ports,
        );
        const expected = calls.successful * WEBHOOKS_PER_CALL;
        if (calls.failed > 0) log(`  failed calls: ${JSON.stringify(calls.failureKinds)}`);
        const received = () => receiver.unique() - unique;
        const settleDeadline = Date.now() + SETTLE_SECONDS * 1000;
        while (received() < expected && Date.now() < settleDeadline) await sleep(100);
        const sustained = calls.failed === 0 && received() >= expected;
        const cpu = cpuBetween(before, cpuSnapshot(pids));
        cpu.sipp += calls.cpuSeconds * 1000;
        const seconds = (Date.now() - started) / 1000;
        const drainDeadline = Date.now() + DRAIN_SECONDS * 1000;
        while (received() < expected && Date.now() < drainDeadline) await sleep(200);
        const receipts = receiver.receipts.slice(from);
        const step = stats(receipts, DURATION);
        const stages = await stageLatencies(db, since).catch(async () => {
          db = new Client({ connectionString: databaseUrl });
          db.on('error', () => undefined);
          await db.connect();
          return stageLatencies(db, since);
        });
        const result: StepResult = {
          workers: workerCount,
          rate,
          calls: calls.successful,
          failedCalls: calls.failed,
          expected,
          received: received(),
          badSignatures: receiver.rejected() - rejected,
          outOfOrder: outOfOrder(receipts),
          sustained,
          p50: step.p50,
          p99: step.p99,
          deliveriesPerSecond: step.rate,
          published: stages.published,
          delivered: stages.delivered,
          unfinished: stages.unfinished,
          cpu,
          seconds,
        };
        results.push(result);
        log(
          `  ${result.calls} calls (${result.failedCalls} failed), ${result.received}/${expected} webhooks, ` +
            `p50 ${fixed(result.p50, 1)} ms, p99 ${fixed(result.p99, 1)} ms, not succeeded: ${result.unfinished}, ` +
            `${sustained ? 'sustained' : 'NOT sustained'}; worker CPU ${fixed(cpu.worker / Math.max(1, result.calls), 2)} ms/call; ` +
            `load average ${loadavg()[0]?.toFixed(1)} (the machine is shared: compare with the bare baseline)`,
        );
        if (!sustained) {
          for (const worker of workers) log(`  ${worker.name}'s last lines:\n${worker.recentOutput().slice(-3000)}`);
          break;
        }
      }
      for (const worker of workers) await worker.stop();
    }

    const headline = WORKER_COUNTS.map((count) => {
      const best = results.filter((result) => result.workers === count && result.sustained).pop();
      return { workers: count, best };
    });
    const bestRate = Math.max(0, ...headline.map(({ best }) => best?.rate ?? 0)) || (RATES[0] ?? 50);
    let bare: { rate: number; p50: number; p99: number; lost: number; received: number; total: number } | undefined;
    if (BARE) {
      const perSecond = bestRate * WEBHOOKS_PER_CALL;
      log(`baseline: bare BullMQ producer → worker → HTTP POST, ${perSecond}/s for ${DURATION} s`);
      const run = await bareBaseline(`${prefix}-bare`, perSecond, perSecond * DURATION);
      const bareStats = stats(run.receipts, DURATION);
      bare = {
        rate: bareStats.rate,
        p50: bareStats.p50,
        p99: bareStats.p99,
        lost: run.lost,
        received: run.receipts.length,
        total: perSecond * DURATION,
      };
    }

    const cores = (ms: number, seconds: number) => `${fixed((ms / 10 / seconds) * 1, 0)}%`;
    process.stdout.write(
      `\n${table(
        [
          'workers',
          'calls/s',
          'webhooks',
          'received',
          'lost',
          'bad sig',
          'out of order',
          'deliveries/s',
          'p50 ms',
          'p99 ms',
          'edge→stored p50/p99',
          'stored→delivered p50/p99',
          'sustained',
        ],
        results.map((result) => [
          String(result.workers),
          String(result.rate),
          fixed(result.expected),
          fixed(result.received),
          fixed(result.expected - result.received),
          fixed(result.badSignatures),
          fixed(result.outOfOrder),
          fixed(result.deliveriesPerSecond),
          fixed(result.p50, 1),
          fixed(result.p99, 1),
          result.published,
          result.delivered,
          result.sustained ? 'yes' : 'no',
        ]),
      )}\n\nCPU per stage (% of one core over each rate's calls and settling; worker ms per call):\n${table(
        ['workers', 'calls/s', 'worker', 'postgres', 'redis', 'edge', 'sipp', 'bench', 'worker ms/call'],
        results.map((result) => [
          String(result.workers),
          String(result.rate),
          cores(result.cpu.worker, result.seconds),
          cores(result.cpu.postgres, result.seconds),
          cores(result.cpu.redis, result.seconds),
          cores(result.cpu.edge, result.seconds),
          cores(result.cpu.sipp, result.seconds),
          cores(result.cpu.bench, result.seconds),
          fixed(result.cpu.worker / Math.max(1, result.calls), 2),
        ]),
      )}\n\nHighest sustained rate (every webhook within ${SETTLE_SECONDS} s of the last call, 0 failed calls): ` +
        headline
          .map(({ workers, best }) =>
            best
              ? `${workers} worker(s): ${best.rate} calls/s (${best.rate * WEBHOOKS_PER_CALL} webhooks/s, ` +
                `p50 ${fixed(best.p50, 1)} / p99 ${fixed(best.p99, 1)} ms)`
              : `${workers} worker(s): none of ${RATES.join(', ')} calls/s`,
          )
          .join('; ') +
        (bare
          ? `\nBare BullMQ → POST at ${bestRate * WEBHOOKS_PER_CALL}/s: ${fixed(bare.received)}/${fixed(bare.total)} ` +
            `received, ${fixed(bare.rate)}/s, p50 ${fixed(bare.p50, 1)} / p99 ${fixed(bare.p99, 1)} ms, lost ${bare.lost}`
          : '') +
        `\nTargets: >= 150 calls/s sustained, p50 <= 25 ms, p99 <= 100 ms, 0 lost, 0 bad signatures, order kept.\n`,
    );
    if (CPU_PROFILE_DIR) process.stdout.write(`\n${summarize(CPU_PROFILE_DIR, ROOT, 30)}\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`[bench] failed: ${describe(error)}\n`);
    return 1;
  } finally {
    await cleanup.run();
  }
}

/**
 * --cpu-prof for a worker started through @swc-node/register: cpuProfileArgs' `--import data:` preload would
 * make node load the .ts entry as ESM, so the SIGTERM → exit(0) preload is a CommonJS file here.
 */
function workerProfileArgs(dir: string, work: string): string[] {
  const preload = join(work, 'exit-on-sigterm.cjs');
  writeFileSync(preload, 'process.prependListener("SIGTERM", () => process.exit(0));\n');
  return ['--cpu-prof', `--cpu-prof-dir=${dir}`, '-r', preload];
}

/** Waits until the process printed `text` (e.g. its ready line). */
async function waitForLine(service: Service, text: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!service.recentOutput().includes(text)) {
    service.assertRunning();
    if (Date.now() > deadline) throw new Error(`${service.name}: no "${text}" after ${timeoutMs} ms`);
    await sleep(100);
  }
}

void main().then((code) => process.exit(code));
