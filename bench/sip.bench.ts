/**
 * `npm run bench:sip`: Callwire's SIP edge (Kamailio with infra/kamailio/kamailio.cfg, started by
 * infra/scripts/kamailio.sh) against a bare Kamailio (bench/sip/bare-kamailio.cfg: same listeners, children and SIP
 * work, digest passwords and registrations in memory, calls routed statically), in the same run, driven by SIPp
 * over UDP on 127.0.0.1.
 *
 * Scenarios (bench/sip/*.xml), each on Callwire then on bare:
 * - REGISTER with digest (REGISTER -> 401 -> REGISTER with credentials -> 200), users from an injection file;
 *   at a fixed offered rate (BENCH_REGISTER_RATE), then closed loop (at most BENCH_CONCURRENCY registrations
 *   open at once, as fast as they complete): the ceiling.
 * - Calls: INVITE -> 407 -> ACK -> INVITE with credentials -> 100/180/200 -> ACK -> BYE -> 200, to a SIPp UAS
 *   (registered at the Callwire edge beforehand; bare routes to it statically), at increasing offered rates
 *   (BENCH_CALL_RATES); a configuration stops at its first step with a failed call or under 95% of the offered
 *   rate. Its ceiling is the highest step it sustained. (A closed loop does not work for calls:
 *   completed transactions stay in Kamailio's shared memory for 5 s, so a burst exhausts it and Kamailio
 *   answers 500 until they expire.)
 * - Under attack (Callwire only): REGISTER at BENCH_REGISTER_RATE and calls at BENCH_ATTACK_CALL_RATE for
 *   BENCH_DURATION, first alone, then while a friendly-scanner flood (BENCH_ATTACK_RATE req/s, UDP, from 127.0.0.2
 *   for REGISTER and 127.0.0.3 for calls, bounded to the same duration) hits the edge (bench/sip/attack.ts).
 *   The legitimate load comes from one address (127.0.0.1) far above a phone's rate: the edge runs with
 *   EDGE_PIKE_REQS=BENCH_LEGIT_PIKE_REQS so that pike does not ban the benchmark itself.
 * Reported: successful/s, failed calls, retransmissions, the Callwire ÷ bare ratios, latency p50/p99 (REGISTER
 * with credentials -> 200; post-dial delay INVITE with credentials -> 180), CPU per process group.
 *
 * The run creates its own database (callwire_bench_<random>, migrated with prisma migrate deploy and seeded
 * with SQL: one account, BENCH_USERS SIP users and the callee), a Redis prefix for the edge's event stream and a
 * temporary directory, and removes them, the
 * Kamailio instances and every SIPp at the end, also on failure or Ctrl-C. It exits non-zero only when
 * something breaks (a process dies, a phase completes no call), never because a target was missed.
 *
 * Knobs (environment): BENCH_DURATION seconds per measurement (10), BENCH_REGISTER_RATE (2000/s),
 * BENCH_CALL_RATES (300,450,600,750,900,1200,1500,1800 calls/s), BENCH_CONCURRENCY (100, REGISTER closed loop),
 * BENCH_CHILDREN Kamailio UDP/TCP workers (8), BENCH_USERS (1000), BENCH_SHM_MB Kamailio shared memory for both
 * (256, the edge's default EDGE_SHM_MB), BENCH_ATTACK_RATE (1000), BENCH_ATTACK_CALL_RATE (300),
 * BENCH_LEGIT_PIKE_REQS (1000000), BENCH_ONLY=attack (only the warm-ups and the measurement under attack), BENCH_KEEP=1 keeps the temporary directory (SIPp statistics, logs, errors).
 */
import 'dotenv/config';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { seedAccount, writeUsers } from './sip/accounts';
import { type CpuUsage, backendPids, snapshot, usage } from './sip/cpu';
import { type AttackRow, reportAttack, underAttack } from './sip/attack';
import { startBareKamailio, startEdge } from './sip/kamailio';
import { NativeProcess, startSipBenchRun } from './sip/processes';
import { type SippOptions, type SippResult, percentile, runSipp, startSipp } from './sip/sipp';
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

const SIP_DIR = resolve(__dirname, 'sip');
const SIP_DOMAIN = 'bench.callwire.localhost';
const CALLEE = 'callee';
const REGISTER_TARGET = 0.9;
const CALL_TARGET = 0.8;
/** Offered rate of the closed-loop runs: far above what either configuration completes, -l is the limit. */
const CLOSED_LOOP_RATE = 50_000;

const DURATION = envInt('BENCH_DURATION', 10);
const REGISTER_RATE = envInt('BENCH_REGISTER_RATE', 2_000);
const CALL_RATES = envIntList('BENCH_CALL_RATES', '300,450,600,750,900,1200,1500,1800');
/** A call step counts as sustained with no failed call and at least this share of the offered rate. */
const SUSTAINED = 0.95;
const CONCURRENCY = envInt('BENCH_CONCURRENCY', 100);
const CHILDREN = envInt('BENCH_CHILDREN', 8);
const USERS = envInt('BENCH_USERS', 1_000);
/** Kamailio shared memory in MB for both configurations; unset: Kamailio's default (64 MB), as the edge ships. */
const SHM_MB = envInt('BENCH_SHM_MB', 256);
const ATTACK_RATE = envInt('BENCH_ATTACK_RATE', 1_000);
const ATTACK_CALL_RATE = envInt('BENCH_ATTACK_CALL_RATE', 300);
/** pike's limit per 2 s for the edge under test: the whole benchmark load comes from 127.0.0.1. */
const LEGIT_PIKE_REQS = envInt('BENCH_LEGIT_PIKE_REQS', 1_000_000);
const ONLY_ATTACK = process.env.BENCH_ONLY === 'attack';

type TargetName = 'callwire' | 'bare';

interface Target {
  readonly name: TargetName;
  readonly label: string;
  readonly kamailio: NativeProcess;
  readonly sipPort: number;
}

interface Measurement {
  readonly phase: string;
  readonly kind: 'register' | 'calls';
  readonly mode: 'fixed' | 'closed';
  readonly offered: string;
  readonly offeredRate?: number;
  /** A target is missing from a call step once it failed an earlier one. */
  readonly results: Partial<Record<TargetName, { sipp: SippResult; cpu: CpuUsage }>>;
}

function sustained(m: Measurement, name: TargetName): boolean {
  const result = m.results[name]?.sipp;
  if (!result || m.offeredRate === undefined) return false;
  return result.failed === 0 && result.rate >= SUSTAINED * m.offeredRate;
}

/** The highest call step a target sustained: its achieved rate and the step. */
function callCeiling(measurements: Measurement[], name: TargetName): { rate: number; step: number } | undefined {
  let best: { rate: number; step: number } | undefined;
  for (const m of measurements) {
    if (m.kind !== 'calls' || !sustained(m, name) || m.offeredRate === undefined) continue;
    const rate = m.results[name]?.sipp.rate ?? 0;
    if (!best || m.offeredRate > best.step) best = { rate, step: m.offeredRate };
  }
  return best;
}

const username = (i: number): string => `bench${String(i).padStart(5, '0')}`;
/** One account with the benchmark users and the callee. */
async function seed(databaseUrl: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const usernames = [...Array.from({ length: USERS }, (_, i) => username(i + 1)), CALLEE];
    await seedAccount(client, { name: 'Bench', sipDomain: SIP_DOMAIN, usernames });
  } finally {
    await client.end();
  }
}

const ratio = (value: number, baseline: number): string => (baseline > 0 ? `${(value / baseline).toFixed(3)}x` : 'n/a');

const latency = (result: SippResult | undefined): string =>
  result ? `${fixed(percentile(result.latenciesMs, 0.5), 2)} / ${fixed(percentile(result.latenciesMs, 0.99), 2)}` : '-';

function report(measurements: Measurement[]): void {
  process.stdout.write('\n');
  const summary = measurements.map((m) => {
    const { callwire, bare } = m.results;
    return [
      m.phase,
      m.offered,
      callwire ? fixed(callwire.sipp.rate) : '-',
      bare ? fixed(bare.sipp.rate) : '-',
      callwire && bare ? ratio(callwire.sipp.rate, bare.sipp.rate) : '-',
      `${callwire ? callwire.sipp.failed : '-'} / ${bare ? bare.sipp.failed : '-'}`,
      latency(callwire?.sipp),
      latency(bare?.sipp),
    ];
  });
  process.stdout.write(
    `${table(
      [
        'measurement',
        'offered',
        'callwire /s',
        'bare /s',
        'callwire ÷ bare',
        'failed cw / bare',
        'cw p50 / p99 ms',
        'bare p50 / p99 ms',
      ],
      summary,
    )}\n\n`,
  );
  const details = measurements.flatMap((m) =>
    (['callwire', 'bare'] as const).flatMap((name) => {
      const measured = m.results[name];
      if (!measured) return [];
      const { sipp, cpu } = measured;
      const kinds = Object.entries(sipp.failureKinds)
        .map(([kind, count]) => `${kind.replace(/^Failed/, '')} ${count}`)
        .join(', ');
      return [
        [
          m.phase,
          name,
          String(sipp.successful),
          String(sipp.failed),
          String(sipp.retransmissions),
          fixed(sipp.elapsedSeconds, 2),
          String(sipp.latenciesMs.length),
          m.kind === 'calls' ? String(sipp.withoutSample) : '-',
          fixed(percentile(sipp.latenciesMs, 0.999), 2),
          `${fixed(cpu.edge)} / ${fixed(cpu.sipp)} / ${fixed(cpu.pgBench)} / ${fixed(cpu.pgAux)} / ${fixed(cpu.other)}`,
          `${fixed(cpu.machineBusy)}%${cpu.steal >= 1 ? ` (steal ${fixed(cpu.steal)}%)` : ''}`,
          kinds || '-',
        ],
      ];
    }),
  );
  process.stdout.write(
    `${table(
      [
        'measurement',
        'server',
        'successful',
        'failed',
        'retrans',
        'seconds',
        'samples',
        'no 180 first',
        'p99.9 ms',
        'CPU % of a core: kamailio / sipp / pg bench / pg aux / other',
        'machine busy',
        'failures',
      ],
      details,
    )}\n\n`,
  );
  process.stdout.write(
    `Kamailio children ${CHILDREN} (UDP and TCP workers), shared memory ${SHM_MB} MB, both configurations; UDP; ${DURATION} s per measurement; ` +
      `REGISTER closed loop = at most ${CONCURRENCY} open at once. Rates: successful REGISTER transactions with ` +
      'digest, or complete calls, per second. Latency: REGISTER with credentials -> 200; calls: INVITE with ' +
      'credentials -> 180 (post-dial delay); per call, gettimeofday in SIPp.\n',
  );
  const registerClosed = measurements.find((m) => m.kind === 'register' && m.mode === 'closed');
  const cw = registerClosed?.results.callwire?.sipp;
  const bareRegister = registerClosed?.results.bare?.sipp;
  if (cw && bareRegister) {
    const value = cw.rate / bareRegister.rate;
    process.stdout.write(
      `target: REGISTER ceiling >= ${REGISTER_TARGET}x bare: ${value.toFixed(3)}x ` +
        `(${fixed(cw.rate)} vs ${fixed(bareRegister.rate)}/s), ${value >= REGISTER_TARGET ? 'met' : 'NOT met'}\n`,
    );
  }
  const callwireCeiling = callCeiling(measurements, 'callwire');
  const bareCeiling = callCeiling(measurements, 'bare');
  const top = CALL_RATES[CALL_RATES.length - 1];
  const describeCeiling = (ceiling: { rate: number; step: number } | undefined): string =>
    ceiling
      ? `${fixed(ceiling.rate)}/s (step ${fixed(ceiling.step)}/s${ceiling.step === top ? ', the highest tried' : ''})`
      : 'none';
  if (callwireCeiling && bareCeiling) {
    const value = callwireCeiling.rate / bareCeiling.rate;
    process.stdout.write(
      `target: sustained call rate (0 failed calls) >= ${CALL_TARGET}x bare: ${value.toFixed(3)}x ` +
        `(callwire ${describeCeiling(callwireCeiling)}, bare ${describeCeiling(bareCeiling)}), ` +
        `${value >= CALL_TARGET ? 'met' : 'NOT met'}\n`,
    );
  } else {
    process.stdout.write(
      `target: calls: no ceiling (callwire ${describeCeiling(callwireCeiling)}, bare ${describeCeiling(bareCeiling)})\n`,
    );
  }
}

async function main(cleanup: Cleanup): Promise<number> {
  const { database, ports, sippGroups, track, work, queuePrefix } = startSipBenchRun('sip', cleanup);

  const { admin, databaseUrl } = await createMigratedDatabase(database, cleanup);
  await seed(databaseUrl);
  const users = Array.from({ length: USERS }, (_, i) => username(i + 1));
  const usersFile = join(work, 'users.csv');
  const calleeFile = join(work, 'callee.csv');
  writeUsers(usersFile, users);
  writeUsers(calleeFile, [CALLEE]);
  log(`seeded 1 account (${SIP_DOMAIN}) and ${USERS} SIP users + "${CALLEE}"`);

  // Callwire's edge, exactly as `npm run up` starts it, on the bench database and free ports.
  const edgeInstance = await startEdge({
    work,
    ports,
    cleanup,
    databaseUrl,
    children: CHILDREN,
    shmMb: SHM_MB,
    env: { QUEUE_PREFIX: queuePrefix, EDGE_PIKE_REQS: String(LEGIT_PIKE_REQS) },
  });
  const edge = edgeInstance.process;
  const edgePort = edgeInstance.port;
  log(
    `callwire edge answers on udp 127.0.0.1:${edgePort} (pid ${edge.pid}, children ${CHILDREN}, shared memory ` +
      `${SHM_MB} MB)`,
  );

  // The bare baseline, as the same user as the edge; its calls go to the bare UAS's port, picked now.
  const bareUasPort = await ports.take();
  const bareInstance = await startBareKamailio({
    work,
    ports,
    cleanup,
    children: CHILDREN,
    shmMb: SHM_MB,
    uasUri: `sip:127.0.0.1:${bareUasPort}`,
    edgeRunDir: edgeInstance.runDir,
  });
  const bare = bareInstance.process;
  const barePort = bareInstance.port;
  log(`bare kamailio answers on udp 127.0.0.1:${barePort} (pid ${bare.pid}, children ${CHILDREN})`);

  const targets: Target[] = [
    { name: 'callwire', label: 'callwire', kamailio: edge, sipPort: edgePort },
    { name: 'bare', label: 'bare', kamailio: bare, sipPort: barePort },
  ];
  const broken: string[] = [];
  const keys = { domain: SIP_DOMAIN, callee: CALLEE };
  const check = (what: string, result: SippResult): void => {
    if (result.successful === 0) broken.push(`${what}: no successful call`);
  };

  // Warm-up: every user registers once (Callwire then refreshes rows that exist, as in steady state).
  for (const target of targets) {
    log(`warm-up on ${target.label}: ${USERS} REGISTERs at 1000/s`);
    const result = await runSipp(
      {
        label: `sipp register warm-up (${target.label})`,
        scenario: join(SIP_DIR, 'register.xml'),
        remote: `127.0.0.1:${target.sipPort}`,
        injection: usersFile,
        keys,
        rate: 1_000,
        calls: USERS,
        dir: work,
      },
      ports,
      track,
    );
    check(`warm-up on ${target.label}`, result);
    if (result.failed > 0) broken.push(`warm-up on ${target.label}: ${result.failed} failed REGISTERs`);
  }

  const measurements: Measurement[] = [];
  const callees: NativeProcess[] = [];
  const measure = async (
    phase: string,
    kind: Measurement['kind'],
    mode: Measurement['mode'],
    offered: string,
    options: (target: Target) => SippOptions,
    offeredRate?: number,
    include: (target: Target) => boolean = () => true,
  ): Promise<Measurement> => {
    const results: Measurement['results'] = {};
    for (const target of targets.filter(include)) {
      log(`${phase} on ${target.label}`);
      const pgBackends = await backendPids(admin.client, database);
      const before = snapshot();
      const result = await runSipp(options(target), ports, track);
      const cpu = usage(
        before,
        snapshot(),
        { edge: [edge.pid ?? -1, bare.pid ?? -1], sipp: sippGroups, pgBackends },
        result.cpuSeconds,
      );
      check(`${phase} on ${target.label}`, result);
      for (const server of [edge, bare, ...callees]) server.assertRunning();
      log(
        `  ${fixed(result.rate)}/s successful (${result.successful} in ${fixed(result.elapsedSeconds, 2)} s), ` +
          `failed ${result.failed}, retransmissions ${result.retransmissions}, ` +
          `p50 ${fixed(percentile(result.latenciesMs, 0.5), 2)} ms, p99 ${fixed(percentile(result.latenciesMs, 0.99), 2)} ms`,
      );
      results[target.name] = { sipp: result, cpu };
    }
    const measurement: Measurement = { phase, kind, mode, offered, offeredRate, results };
    measurements.push(measurement);
    return measurement;
  };

  const registerOptions = (target: Target, extra: Partial<SippOptions>): SippOptions => ({
    label: `sipp register (${target.label})`,
    scenario: join(SIP_DIR, 'register.xml'),
    remote: `127.0.0.1:${target.sipPort}`,
    injection: usersFile,
    keys,
    dir: work,
    ...extra,
  });
  if (!ONLY_ATTACK) {
    await measure('REGISTER fixed rate', 'register', 'fixed', `${fixed(REGISTER_RATE)}/s`, (target) =>
      registerOptions(target, { rate: REGISTER_RATE, calls: REGISTER_RATE * DURATION }),
    );
    await measure('REGISTER closed loop', 'register', 'closed', `<= ${CONCURRENCY} open`, (target) =>
      registerOptions(target, { rate: CLOSED_LOOP_RATE, limit: CONCURRENCY, timeoutSeconds: DURATION }),
    );
  }

  // Callees: a SIPp UAS per configuration. At the Callwire edge it registers first, from its own port.
  const callwireUasPort = await ports.take();
  log(`registering "${CALLEE}" at the Callwire edge from 127.0.0.1:${callwireUasPort}`);
  const calleeRegistration = await runSipp(
    {
      label: 'sipp callee registration',
      scenario: join(SIP_DIR, 'register.xml'),
      remote: `127.0.0.1:${edgePort}`,
      injection: calleeFile,
      keys,
      rate: 1,
      calls: 1,
      port: callwireUasPort,
      dir: work,
    },
    ports,
    track,
  );
  if (calleeRegistration.successful !== 1) throw new Error('the callee could not register at the Callwire edge');
  for (const [name, port] of [
    ['callwire', callwireUasPort],
    ['bare', bareUasPort],
  ] as const) {
    const uas = await startSipp(
      {
        label: `sipp callee (${name})`,
        scenario: join(SIP_DIR, 'callee.xml'),
        service: CALLEE,
        port,
        // Without -l a SIPp UAS silently drops INVITEs beyond a small default number of open calls.
        limit: 10_000,
        dir: work,
      },
      ports,
    );
    track(uas.sipp);
    cleanup.add(`stop the ${name} callee`, () => uas.sipp.stop());
    callees.push(uas.sipp);
  }

  const callOptions = (target: Target, extra: Partial<SippOptions>): SippOptions => ({
    label: `sipp caller (${target.label})`,
    scenario: join(SIP_DIR, 'caller.xml'),
    remote: `127.0.0.1:${target.sipPort}`,
    injection: usersFile,
    keys,
    dir: work,
    ...extra,
  });
  const warmupRate = CALL_RATES[0];
  for (const target of targets) {
    log(`warm-up on ${target.label}: ${warmupRate} calls at ${warmupRate}/s`);
    const result = await runSipp(callOptions(target, { rate: warmupRate, calls: warmupRate }), ports, track);
    check(`call warm-up on ${target.label}`, result);
  }
  const stillRunning = new Set<TargetName>(['callwire', 'bare']);
  for (const rate of ONLY_ATTACK ? [] : CALL_RATES) {
    if (stillRunning.size === 0) break;
    const step = await measure(
      `calls ${fixed(rate)}/s`,
      'calls',
      'fixed',
      `${fixed(rate)}/s`,
      (target) => callOptions(target, { rate, calls: rate * DURATION, limit: 10_000 }),
      rate,
      (target) => stillRunning.has(target.name),
    );
    for (const name of [...stillRunning]) {
      if (!sustained(step, name)) {
        stillRunning.delete(name);
        log(`  ${name} did not sustain ${rate} calls/s: no higher step for it`);
      }
    }
    // Completed transactions stay in Kamailio's shared memory for 5 s: let them go before the next step.
    await sleep(6_000);
  }

  // The legitimate load on the Callwire edge, alone and while a scanner floods it.
  const callwire = targets[0];
  const attackRows: AttackRow[] = [];
  for (const [phase, attacker, options] of [
    [
      `REGISTER ${fixed(REGISTER_RATE)}/s`,
      '127.0.0.2',
      (label: string) => registerOptions(callwire, { label, rate: REGISTER_RATE, calls: REGISTER_RATE * DURATION }),
    ],
    [
      `calls ${fixed(ATTACK_CALL_RATE)}/s`,
      '127.0.0.3',
      (label: string) =>
        callOptions(callwire, { label, rate: ATTACK_CALL_RATE, calls: ATTACK_CALL_RATE * DURATION, limit: 10_000 }),
    ],
  ] as const) {
    const row = await underAttack({
      phase,
      edgePort,
      attacker,
      rate: ATTACK_RATE,
      seconds: DURATION,
      legit: (label) => runSipp(options(label), ports, track),
    });
    edge.assertRunning();
    check(`${phase} under attack`, row.attacked);
    attackRows.push(row);
    await sleep(6_000);
  }

  if (!ONLY_ATTACK) report(measurements);
  reportAttack(attackRows);
  return brokenCode(broken, { 'Callwire edge': edge.recentOutput() });
}

runBench(main);
