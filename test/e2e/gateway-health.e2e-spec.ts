import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Queue } from 'bullmq';
import { PrismaService } from '@callwire/database';
import { QueueName, redisOptionsFromUrl } from '@callwire/queues';
import { type SipTarget, probeGateway } from '@callwire/sip';
import { stopChild } from '../support/child-process';
import { GiveUp, eventually } from '../support/eventually';
import { freeSipPort } from '../support/free-port';
import { ROOT, isolateDatabase, isolateQueues, randomRunId } from '../support/test-run';
import { WorkerHarness } from '../support/worker-harness';

// Own queue namespace: the rounds of this file's scheduler go to this file's workers only.
const QUEUE_PREFIX = isolateQueues('gateway-health');
const HOST = '127.0.0.1';
const INTERVAL_MS = 300;

/** A carrier gateway played by SIPp: answers every OPTIONS with `status` until stopped. */
interface SippGateway {
  readonly target: SipTarget;
  readonly child: ChildProcess;
  output(): string;
}

async function startSippGateway(status: string, transport: 'udp' | 'tcp', port?: number): Promise<SippGateway> {
  const target: SipTarget = { host: HOST, port: port ?? (await freeSipPort()), transport };
  const dir = mkdtempSync(join(tmpdir(), 'callwire-sipp-gateway-'));
  const scenario = join(dir, 'gateway-options.xml');
  writeFileSync(
    scenario,
    readFileSync(resolve(ROOT, 'test/sipp/gateway-options.xml'), 'utf8').replaceAll('__STATUS__', status),
  );
  const args = [
    ...['-sf', scenario, '-i', HOST, '-p', String(target.port), '-cp', String(await freeSipPort())],
    ...['-t', transport === 'tcp' ? 't1' : 'u1', '-nostdin', '-nd'],
  ];
  const child = spawn('sipp', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    await eventually(
      async () => {
        if (child.exitCode !== null) throw new GiveUp(`SIPp exited with ${child.exitCode}`);
        return (await probeGateway(target, 200)).status === 'up';
      },
      { timeoutMs: 10_000, description: `SIPp to answer OPTIONS on ${transport} ${HOST}:${target.port}` },
    );
  } catch (error) {
    await stopChild(child);
    throw new Error(`${(error as Error).message}:\n${output}`);
  }
  return { target, child, output: () => output };
}

describe('Gateway health checks: SIP OPTIONS from the worker to SIPp gateways (e2e)', () => {
  const sipps: SippGateway[] = [];
  const workers: WorkerHarness[] = [];
  let prisma: PrismaService;
  let queue: Queue;
  const ids = { ok: '', notFound: '', silent: '', refused: '', disabled: '' };

  const gateways = () =>
    prisma.carrierGateway.findMany({ where: { id: { in: Object.values(ids) } }, orderBy: { id: 'asc' } });
  const byId = async () => new Map((await gateways()).map((gateway) => [gateway.id, gateway]));
  /** The gateways once `done` accepts them. */
  const gatewaysOnce = (done: (rows: Awaited<ReturnType<typeof byId>>) => boolean, description: string) =>
    eventually(
      async () => {
        const rows = await byId();
        if (!done(rows)) throw new Error(`gateways: ${JSON.stringify([...rows.values()])}`);
        return rows;
      },
      { timeoutMs: 15_000, intervalMs: 100, description },
    );
  /** The gateways once every enabled one has been checked after `after` (a round later). */
  const afterRound = (after: Date) =>
    gatewaysOnce(
      (rows) =>
        [ids.ok, ids.notFound, ids.silent, ids.refused].every((id) => (rows.get(id)?.lastCheckedAt ?? 0) > after),
      `a round of checks after ${after.toISOString()}`,
    );

  beforeAll(async () => {
    // Health checks probe every gateway in the database: on a database of its own, they leave the SIPp
    // gateways of other specs (which take one scripted call each) alone.
    await isolateDatabase('gateway_health');
    process.env.GATEWAY_CHECK_INTERVAL_MS = String(INTERVAL_MS);
    process.env.GATEWAY_CHECK_TIMEOUT_MS = '1000';
    sipps.push(await startSippGateway('200 OK', 'udp'), await startSippGateway('404 Not Found', 'tcp'));
    workers.push(await WorkerHarness.start());
    prisma = workers[0]!.app.get(PrismaService);
    queue = new Queue(QueueName.GatewayHealth, {
      connection: redisOptionsFromUrl(process.env.REDIS_URL || 'redis://127.0.0.1:6379'),
      prefix: QUEUE_PREFIX,
    });

    const runId = randomRunId();
    const account = await prisma.account.create({
      data: { name: 'Gateway Health', sipDomain: `gateway-health-${runId}.callwire.localhost` },
    });
    const carrier = await prisma.carrier.create({ data: { accountId: account.id, name: 'Trunk' } });
    const off = await prisma.carrier.create({ data: { accountId: account.id, name: 'Disabled', enabled: false } });
    const gateway = (carrierId: string, target: SipTarget) =>
      prisma.carrierGateway.create({ data: { carrierId, ...target } }).then((row) => row.id);
    ids.ok = await gateway(carrier.id, sipps[0]!.target);
    ids.notFound = await gateway(carrier.id, sipps[1]!.target);
    ids.silent = await gateway(carrier.id, { host: HOST, port: await freeSipPort(), transport: 'udp' });
    ids.refused = await gateway(carrier.id, { host: HOST, port: await freeSipPort(), transport: 'tcp' });
    ids.disabled = await gateway(off.id, sipps[0]!.target);
  }, 60_000);

  afterAll(async () => {
    for (const sipp of sipps) await stopChild(sipp.child);
    await queue?.close();
    for (const worker of workers) await worker.close();
  });

  it('marks answering gateways up (any SIP response) and the others down, and keeps statusSince while nothing changes', async () => {
    const first = await afterRound(new Date(0));
    expect(first.get(ids.ok)).toMatchObject({ status: 'up', lastResponse: '200 OK' });
    expect(first.get(ids.notFound)).toMatchObject({ status: 'up', lastResponse: '404 Not Found' });
    expect(first.get(ids.silent)).toMatchObject({ status: 'down', lastResponse: 'timeout' });
    expect(first.get(ids.refused)).toMatchObject({ status: 'down', lastResponse: 'connection failed' });
    // A disabled carrier's gateways are not checked.
    expect(first.get(ids.disabled)).toMatchObject({ status: 'unknown', lastResponse: null, lastCheckedAt: null });
    for (const id of [ids.ok, ids.notFound, ids.silent, ids.refused]) {
      const row = first.get(id)!;
      expect(row.statusSince).not.toBeNull();
      expect(row.statusSince!.getTime()).toBeLessThanOrEqual(row.lastCheckedAt!.getTime());
      // Stored in UTC like Prisma's own writes: the check happened within the last minute.
      expect(Math.abs(Date.now() - row.lastCheckedAt!.getTime())).toBeLessThan(60_000);
    }

    const latest = (rows: typeof first) =>
      new Date(Math.max(...[...rows.values()].map((r) => +(r.lastCheckedAt ?? 0))));
    const second = await afterRound(latest(first));
    const third = await afterRound(latest(second));
    for (const id of [ids.ok, ids.notFound, ids.silent, ids.refused]) {
      expect(third.get(id)?.status).toBe(first.get(id)?.status);
      expect(third.get(id)?.statusSince).toEqual(first.get(id)?.statusSince);
    }
  });

  it('runs the rounds from one job scheduler, however many workers there are', async () => {
    workers.push(await WorkerHarness.start());
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers).toHaveLength(1);
    expect(schedulers[0]).toMatchObject({ every: INTERVAL_MS });
  });

  it('moves statusSince when a gateway stops answering (up → down) and when it answers again', async () => {
    const before = await byId();
    const ok = sipps[0]!;
    await stopChild(ok.child);

    const down = await gatewaysOnce((rows) => rows.get(ids.ok)?.status === 'down', 'the stopped gateway to be down');
    const gateway = down.get(ids.ok)!;
    expect(gateway.lastResponse).toBe('timeout');
    expect(gateway.statusSince!.getTime()).toBeGreaterThan(before.get(ids.ok)!.lastCheckedAt!.getTime());
    expect(gateway.statusSince!.getTime()).toBeLessThanOrEqual(gateway.lastCheckedAt!.getTime());
    for (const id of [ids.notFound, ids.silent, ids.refused]) {
      expect(down.get(id)?.statusSince).toEqual(before.get(id)?.statusSince);
    }

    sipps.push(await startSippGateway('200 OK', 'udp', ok.target.port));
    const up = await gatewaysOnce((rows) => rows.get(ids.ok)?.status === 'up', 'the restarted gateway to be up');
    expect(up.get(ids.ok)?.lastResponse).toBe('200 OK');
    expect(up.get(ids.ok)!.statusSince!.getTime()).toBeGreaterThan(gateway.statusSince!.getTime());
  });
});
