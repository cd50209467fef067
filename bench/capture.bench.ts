/**
 * `npm run bench:capture`: what the SIP ladders cost. Two Callwire edges (infra/scripts/kamailio.sh, the same
 * kamailio.cfg) run side by side on the same database: one with capture off (SIP_TRACE_COLLECTOR_PORT=0, the
 * baseline), one mirroring every SIP message as HEP v3 to the worker's collector (SipTraceCollector, alone in
 * bench/capture/collector.ts so that its CPU can be read apart), which stores the call messages in sip_messages.
 *
 * SIPp callers (bench/sip/caller.xml: INVITE -> 407 -> ACK -> INVITE with credentials -> 100/180/200 -> ACK ->
 * BYE -> 200) call a registered SIPp UAS (bench/sip/callee.xml) through each edge at the steady offered rates of
 * BENCH_CALL_RATES, BENCH_DURATION seconds per rate and edge, off then on.
 * Reported per rate: successful calls/s on ÷ off (the capture's cost in throughput), failed calls, post-dial delay
 * p50/p99 (INVITE with credentials -> 180, gettimeofday in SIPp), CPU per call of each edge and of the collector
 * (+ its PostgreSQL backends), and the messages stored against the messages the calls made (a warm-up call
 * tells how many one call makes): lost = expected - stored.
 *
 * The run creates its own database (callwire_bench_<random>, migrated, seeded with SQL) and Redis prefix (the
 * edges' event streams) and removes them, the
 * processes and its temporary directory at the end, also on failure or Ctrl-C. Exits non-zero only when something
 * breaks (a process dies, a step completes no call).
 *
 * Knobs (environment): BENCH_CALL_RATES (100,200,400 calls/s), BENCH_DURATION seconds per step and edge (15),
 * BENCH_CHILDREN Kamailio SIP workers (8), BENCH_USERS callers (200), BENCH_KEEP=1 keeps the temporary directory.
 */
import 'dotenv/config';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { seedAccount, writeUsers } from './sip/accounts';
import { type CpuUsage, backendPids, snapshot, usage } from './sip/cpu';
import { type KamailioInstance, startEdge } from './sip/kamailio';
import { NativeProcess, startSipBenchRun } from './sip/processes';
import { type SippResult, percentile, runSipp, startSipp } from './sip/sipp';
import {
  type Cleanup,
  brokenCode,
  createMigratedDatabase,
  envInt,
  envIntList,
  fixed,
  log,
  runBench,
  sleep,
  table,
} from './support';

const ROOT = resolve(__dirname, '..');
const SIP_DIR = resolve(__dirname, 'sip');
const SIP_DOMAIN = 'capture.bench.callwire.localhost';
const CALLEE = 'callee';
const SHM_MB = 256;
const WARMUP_CALLS = 50;
/** The collector writes every 250 ms: what a step sent is stored within this. */
const SETTLE_MS = 3_000;

const RATES = envIntList('BENCH_CALL_RATES', '100,200,400');
const DURATION = envInt('BENCH_DURATION', 15);
const CHILDREN = envInt('BENCH_CHILDREN', 8);
const USERS = envInt('BENCH_USERS', 200);

type Mode = 'off' | 'on';

interface Edge {
  readonly mode: Mode;
  readonly instance: KamailioInstance;
}

interface Result {
  readonly sipp: SippResult;
  readonly cpu: CpuUsage;
  /** Capture on: rows the collector stored during the step. */
  readonly stored?: number;
}

interface Step {
  readonly rate: number;
  readonly results: Partial<Record<Mode, Result>>;
}

const username = (i: number): string => `caller${String(i).padStart(4, '0')}`;
const p = (samples: number[], fraction: number): string => fixed(percentile(samples, fraction), 2);
/** % of a core × 10 ÷ calls per second = ms of CPU per call. */
const perCall = (percent: number, rate: number): string => fixed((percent * 10) / Math.max(rate, 1), 3);

async function countMessages(databaseUrl: string): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>('SELECT count(*) FROM sip_messages');
    return Number(rows[0]?.count ?? 0);
  } finally {
    await client.end();
  }
}

function report(steps: Step[], messagesPerCall: number): void {
  const rows = steps.map(({ rate, results: { on, off } }) => {
    const expected = on ? on.sipp.successful * messagesPerCall : 0;
    return [
      `${fixed(rate)}/s`,
      on ? fixed(on.sipp.rate, 1) : '-',
      off ? fixed(off.sipp.rate, 1) : '-',
      on && off && off.sipp.rate > 0 ? `${(on.sipp.rate / off.sipp.rate).toFixed(3)}x` : '-',
      `${on?.sipp.failed ?? '-'} / ${off?.sipp.failed ?? '-'}`,
      on ? `${p(on.sipp.latenciesMs, 0.5)} / ${p(on.sipp.latenciesMs, 0.99)}` : '-',
      off ? `${p(off.sipp.latenciesMs, 0.5)} / ${p(off.sipp.latenciesMs, 0.99)}` : '-',
      on ? perCall(on.cpu.edge, on.sipp.rate) : '-',
      off ? perCall(off.cpu.edge, off.sipp.rate) : '-',
      on ? `${perCall(on.cpu.byPid.collector ?? 0, on.sipp.rate)} + pg ${perCall(on.cpu.pgBench, on.sipp.rate)}` : '-',
      on?.stored !== undefined ? `${on.stored} / ${expected} (lost ${Math.max(expected - on.stored, 0)})` : '-',
      on ? `${fixed(on.cpu.machineBusy)}%` : '-',
    ];
  });
  process.stdout.write(
    `\n${table(
      [
        'offered',
        'on /s',
        'off /s',
        'on ÷ off',
        'failed on / off',
        'PDD on p50 / p99 ms',
        'PDD off p50 / p99 ms',
        'edge CPU ms/call on',
        'off',
        'collector CPU ms/call',
        'messages stored / expected',
        'machine busy (on)',
      ],
      rows,
    )}\n\n`,
  );
  process.stdout.write(
    `Kamailio children ${CHILDREN}, shared memory ${SHM_MB} MB, both edges; ${DURATION} s per step and edge; ` +
      `${messagesPerCall} messages per call (both legs, as the edge sends and receives them). CPU from /proc: ` +
      'edge = its Kamailio processes, collector = the collector process, pg = PostgreSQL backends of the bench ' +
      'database (the collector is their only client while calls run).\n',
  );
}

async function main(cleanup: Cleanup): Promise<number> {
  const { database, ports, sippGroups, track, work, queuePrefix } = startSipBenchRun('capture', cleanup);

  const { admin, databaseUrl } = await createMigratedDatabase(database, cleanup);
  const seeder = new Client({ connectionString: databaseUrl });
  await seeder.connect();
  const users = Array.from({ length: USERS }, (_, i) => username(i + 1));
  await seedAccount(seeder, { name: 'Capture bench', sipDomain: SIP_DOMAIN, usernames: [...users, CALLEE] });
  await seeder.end();
  const usersFile = join(work, 'users.csv');
  const calleeFile = join(work, 'callee.csv');
  writeUsers(usersFile, users);
  writeUsers(calleeFile, [CALLEE]);
  const keys = { domain: SIP_DOMAIN, callee: CALLEE };

  const capturePort = await ports.take();
  const collector = NativeProcess.start(
    'hep collector',
    process.execPath,
    ['-r', '@swc-node/register', resolve(__dirname, 'capture/collector.ts')],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        SIP_TRACE_COLLECTOR_HOST: '127.0.0.1',
        SIP_TRACE_COLLECTOR_PORT: String(capturePort),
      },
    },
  );
  cleanup.add('stop the collector', () => collector.stop());
  for (let waited = 0; !collector.recentOutput().includes('collector ready'); waited += 100) {
    collector.assertRunning();
    if (waited > 30_000) throw new Error('the collector did not start');
    await sleep(100);
  }
  log(`collector on udp 127.0.0.1:${capturePort} (pid ${collector.pid})`);

  const edges: Edge[] = [];
  for (const mode of ['off', 'on'] as const) {
    const instance = await startEdge({
      work,
      ports,
      cleanup,
      databaseUrl,
      children: CHILDREN,
      shmMb: SHM_MB,
      env: { QUEUE_PREFIX: queuePrefix, SIP_TRACE_COLLECTOR_PORT: mode === 'on' ? String(capturePort) : '0' },
      runDirName: `edge-capture-${mode}`,
    });
    edges.push({ mode, instance });
    log(`edge with capture ${mode} on udp 127.0.0.1:${instance.port} (pid ${instance.process.pid})`);
  }

  const callees: NativeProcess[] = [];
  for (const edge of edges) {
    const port = await ports.take();
    const registration = await runSipp(
      {
        label: `sipp callee registration (${edge.mode})`,
        scenario: join(SIP_DIR, 'register.xml'),
        remote: `127.0.0.1:${edge.instance.port}`,
        injection: calleeFile,
        keys,
        rate: 1,
        calls: 1,
        port,
        dir: work,
      },
      ports,
      track,
    );
    if (registration.successful !== 1) {
      throw new Error(
        `the callee could not register at the ${edge.mode} edge:\n${edge.instance.process.recentOutput()}`,
      );
    }
    const uas = await startSipp(
      {
        label: `sipp callee (${edge.mode})`,
        scenario: join(SIP_DIR, 'callee.xml'),
        service: CALLEE,
        port,
        limit: 10_000,
        dir: work,
      },
      ports,
    );
    track(uas.sipp);
    callees.push(uas.sipp);
    cleanup.add(`stop the ${edge.mode} callee`, () => uas.sipp.stop());
  }

  const broken: string[] = [];
  const call = (edge: Edge, rate: number, calls: number): Promise<SippResult> =>
    runSipp(
      {
        label: `sipp caller (${edge.mode})`,
        scenario: join(SIP_DIR, 'caller.xml'),
        remote: `127.0.0.1:${edge.instance.port}`,
        injection: usersFile,
        keys,
        rate,
        calls,
        limit: 10_000,
        dir: work,
      },
      ports,
      track,
    );

  let messagesPerCall = 0;
  for (const edge of edges) {
    const before = await countMessages(databaseUrl);
    const warmup = await call(edge, RATES[0], WARMUP_CALLS);
    log(`warm-up on ${edge.mode}: ${warmup.successful} of ${WARMUP_CALLS} calls, ${warmup.failed} failed`);
    if (warmup.successful === 0) throw new Error(`warm-up on ${edge.mode}: no successful call`);
    await sleep(SETTLE_MS);
    const stored = (await countMessages(databaseUrl)) - before;
    if (edge.mode === 'off' && stored !== 0) broken.push(`capture off stored ${stored} messages`);
    if (edge.mode === 'on') {
      if (warmup.failed > 0 || stored % warmup.successful !== 0) {
        throw new Error(`warm-up: ${stored} messages for ${warmup.successful} calls: not a whole number per call`);
      }
      messagesPerCall = stored / warmup.successful;
      log(`one call makes ${messagesPerCall} messages at the edge`);
    }
  }
  await sleep(6_000);

  const steps: Step[] = [];
  for (const rate of RATES) {
    const results: Step['results'] = {};
    for (const edge of edges) {
      log(`${rate} calls/s for ${DURATION} s, capture ${edge.mode}`);
      const stored = await countMessages(databaseUrl);
      const pgBackends = await backendPids(admin.client, database);
      const before = snapshot();
      const sipp = await call(edge, rate, rate * DURATION);
      const cpu = usage(
        before,
        snapshot(),
        {
          edge: [edge.instance.process.pid ?? -1],
          sipp: sippGroups,
          pgBackends,
          byPid: { collector: [collector.pid ?? -1] },
        },
        sipp.cpuSeconds,
      );
      for (const child of [collector, ...edges.map((e) => e.instance.process), ...callees]) child.assertRunning();
      if (sipp.successful === 0) broken.push(`${rate}/s capture ${edge.mode}: no successful call`);
      await sleep(SETTLE_MS);
      const storedNow = (await countMessages(databaseUrl)) - stored;
      log(
        `  ${fixed(sipp.rate, 1)}/s successful, failed ${sipp.failed}, PDD p99 ${p(sipp.latenciesMs, 0.99)} ms, ` +
          `${storedNow} messages stored`,
      );
      results[edge.mode] = { sipp, cpu, ...(edge.mode === 'on' ? { stored: storedNow } : {}) };
      // Completed transactions stay in Kamailio's shared memory for 5 s: let them go before the next run.
      await sleep(6_000);
    }
    steps.push({ rate, results });
  }

  report(steps, messagesPerCall);
  return brokenCode(broken, { collector: collector.recentOutput() });
}

runBench(main);
