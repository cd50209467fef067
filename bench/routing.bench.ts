/**
 * `npm run bench:routing`: carrier calls to phone numbers through Callwire's full routing path against the same
 * calls through a static Kamailio route, in the same run, at steady offered rates.
 *
 * - Full path: Callwire's edge (infra/scripts/kamailio.sh, infra/kamailio/kamailio.cfg) takes an INVITE to
 *   sip:<number>@<edge>, hands it to an async worker (route[PLATFORM_ROUTE]) that POSTs it to the real API
 *   process (POST /internal/edge/routes: the carrier's address check and the number's route, one SQL query on
 *   PostgreSQL) and relays it where the decision says: the number routes to a SIP URI, the benchmark's UAS.
 * - Static: the bare Kamailio (bench/sip/bare-kamailio.cfg with BENCH_CARRIER_IP) relays the same INVITEs from
 *   the same source address to the same UAS, record-routed, with tm, and asks nobody.
 *
 * The carrier is SIPp bound to 127.0.0.3 (the carrier's allowed address) with bench/routing/carrier.xml: INVITE to
 * one of BENCH_NUMBERS numbers in turn (an injection file; every number exists in the database) -> 100/180/200 ->
 * ACK -> 100 ms -> BYE -> 200. The UAS is SIPp with bench/sip/callee.xml (180, 10 ms, 200, copies Record-Route).
 * For every rate of BENCH_CALL_RATES, the full path then static run BENCH_DURATION seconds each.
 * Reported: successful calls/s, failed calls, retransmissions, full ÷ static, INVITE -> 100 and INVITE -> 180
 * p50/p99/p99.9 (per call, gettimeofday in SIPp), the API's own time per decision (its /metrics histogram) and
 * CPU per process (Kamailio, API, PostgreSQL backends, SIPp, the rest of the machine).
 *
 * The run creates its own database (callwire_bench_<random>, migrated, seeded with SQL) and Redis prefix (the
 * edge's event stream), and removes them, the processes and its temporary directory at the end, also on failure
 * or Ctrl-C. No worker runs: the edge's call events pile up in the Redis stream, unread. Exits non-zero only when
 * something breaks (a process dies, a step completes no call), never because a target was missed.
 *
 * Knobs (environment): BENCH_CALL_RATES (50,100,200 calls/s), BENCH_DURATION seconds per step and
 * configuration (20), BENCH_NUMBERS (1000), BENCH_CHILDREN Kamailio SIP workers (8), BENCH_SHM_MB Kamailio shared
 * memory for both (256), BENCH_KEEP=1 keeps the temporary directory (SIPp statistics, logs, errors, the last
 * output of the edge and the API),
 * BENCH_CPU_PROF=<dir> CPU-profiles the API process (whole run) and prints where its time went,
 * BENCH_PIKE_REQS the edge's flood limit per 2 s (1000000: the carrier is one address sending 3 requests per call),
 * BENCH_TRACE=1 has the edge log the times of each call's steps (EDGE_TRACE_ROUTING) and reports where they went,
 * BENCH_ROUTE_CACHE_S the edge's decision cache (EDGE_ROUTE_CACHE_S; unset: the edge's default, 0: off). Every
 * number routes to a SIP URI, whose decisions the edge may cache: the API's decision count says how many calls
 * asked.
 */
import 'dotenv/config';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { summarize } from './cpu-profile';
import { type RouteHistogram, readRouteHistogram, routeDelta } from './routing/api-metrics';
import { type RoutingTrace, parseRoutingTrace } from './routing/edge-trace';
import { seedNumbers, writeNumbers } from './routing/numbers';
import { type CpuUsage, backendPids, snapshot, usage } from './sip/cpu';
import { startBareKamailio, startEdge } from './sip/kamailio';
import { type NativeProcess, PortPool } from './sip/processes';
import { type SippResult, percentile, runSipp, startSipp } from './sip/sipp';
import {
  type Cleanup,
  Service,
  brokenCode,
  createMigratedDatabase,
  deleteRedisKeys,
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
const ROUTING_DIR = resolve(__dirname, 'routing');
const SIP_DOMAIN = 'routing.bench.callwire.localhost';
const CARRIER_IP = '127.0.0.3';
const REDIS_URL = process.env.REDIS_URL?.trim() || 'redis://127.0.0.1:6379';
/** Targets of the issue: full >= 0.8x static successful calls/s, routing delay p99 <= 10 ms, at 200 calls/s. */
const RATIO_TARGET = 0.8;
const DELAY_P99_TARGET_MS = 10;
const TARGET_RATE = 200;
/** A step counts as sustained with no failed call and at least this share of the offered rate. */
const SUSTAINED = 0.95;
const WARMUP_CALLS = 100;

const RATES = envIntList('BENCH_CALL_RATES', '50,100,200');
const DURATION = envInt('BENCH_DURATION', 20);
const NUMBERS = envInt('BENCH_NUMBERS', 1_000);
const CHILDREN = envInt('BENCH_CHILDREN', 8);
const SHM_MB = envInt('BENCH_SHM_MB', 256);
const KEEP = process.env.BENCH_KEEP === '1';
const TRACE = process.env.BENCH_TRACE === '1';
/** The edge's routing decision cache in seconds (EDGE_ROUTE_CACHE_S; 0: every call asks the API). */
const ROUTE_CACHE_S = process.env.BENCH_ROUTE_CACHE_S?.trim();
/** pike's limit per 2 s for the edge: the whole carrier load comes from one address (3 requests per call). */
const PIKE_REQS = envInt('BENCH_PIKE_REQS', 1_000_000);
const CPU_PROFILE_DIR = process.env.BENCH_CPU_PROF?.trim() ? resolve(process.env.BENCH_CPU_PROF.trim()) : undefined;

type TargetName = 'full' | 'static';

interface Target {
  readonly name: TargetName;
  /** UDP port of its Kamailio on 127.0.0.1. */
  readonly port: number;
}

interface Result {
  readonly sipp: SippResult;
  readonly cpu: CpuUsage;
  /** Full path only: the API's decisions in the window. */
  readonly api?: ReturnType<typeof routeDelta>;
  /** Full path with BENCH_TRACE=1: the edge's own timing of each call it dialled. */
  readonly traces?: RoutingTrace[];
}

interface Step {
  readonly rate: number;
  readonly results: Partial<Record<TargetName, Result>>;
}

const ms = (samples: number[] | undefined, fraction: number): number => percentile(samples ?? [], fraction);
const pair = (samples: number[] | undefined): string =>
  `${fixed(ms(samples, 0.5), 2)} / ${fixed(ms(samples, 0.99), 2)}`;
const ringing = (result: Result | undefined): number[] => result?.sipp.samplesMs.pdd ?? [];
const trying = (result: Result | undefined): number[] => result?.sipp.samplesMs.trying ?? [];

function sustained(step: Step, name: TargetName): boolean {
  const result = step.results[name]?.sipp;
  return !!result && result.failed === 0 && result.rate >= SUSTAINED * step.rate;
}

function report(steps: Step[]): void {
  const summary = steps.map(({ rate, results: { full, static: bare } }) => [
    `${fixed(rate)}/s`,
    full ? fixed(full.sipp.rate, 1) : '-',
    bare ? fixed(bare.sipp.rate, 1) : '-',
    full && bare && bare.sipp.rate > 0 ? `${(full.sipp.rate / bare.sipp.rate).toFixed(3)}x` : '-',
    `${full?.sipp.failed ?? '-'} / ${bare?.sipp.failed ?? '-'}`,
    `${full?.sipp.retransmissions ?? '-'} / ${bare?.sipp.retransmissions ?? '-'}`,
    pair(ringing(full)),
    pair(ringing(bare)),
    fixed(ms(ringing(full), 0.5) - ms(ringing(bare), 0.5), 2),
    pair(trying(full)),
    pair(trying(bare)),
    full?.api ? `${fixed(full.api.meanMs, 2)} (<= ${fixed(full.api.p99Ms, 1)})` : '-',
  ]);
  process.stdout.write(
    `\n${table(
      [
        'offered',
        'full /s',
        'static /s',
        'full ÷ static',
        'failed full / static',
        'retrans full / static',
        'INVITE->180 full p50 / p99 ms',
        'static p50 / p99 ms',
        'added p50 ms',
        'INVITE->100 full p50 / p99 ms',
        'static p50 / p99 ms',
        'API mean ms (p99 bucket)',
      ],
      summary,
    )}\n\n`,
  );
  const details = steps.flatMap(({ rate, results }) =>
    (['full', 'static'] as const).flatMap((name) => {
      const result = results[name];
      if (!result) return [];
      const { sipp, cpu, api } = result;
      const kinds = Object.entries(sipp.failureKinds)
        .map(([kind, count]) => `${kind.replace(/^Failed/, '')} ${count}`)
        .join(', ');
      return [
        [
          `${fixed(rate)}/s`,
          name,
          String(sipp.successful),
          String(sipp.failed),
          fixed(sipp.elapsedSeconds, 2),
          `${ringing(result).length} / ${trying(result).length}`,
          String(sipp.withoutSample),
          `${fixed(ms(ringing(result), 0.999), 2)} / ${fixed(Math.max(...ringing(result)), 2)}`,
          api ? `${api.count} / ${api.non200}` : '-',
          `${fixed(cpu.edge)} / ${fixed(cpu.byPid.api ?? 0)} / ${fixed(cpu.pgBench)} / ${fixed(cpu.sipp)} / ` +
            `${fixed(cpu.pgAux)} / ${fixed(cpu.byPid.bench ?? 0)} / ${fixed(cpu.other)}`,
          // % of a core x 10 / calls per second = ms of CPU per call.
          [cpu.edge, cpu.byPid.api ?? 0, cpu.pgBench, cpu.edge + (cpu.byPid.api ?? 0) + cpu.pgBench]
            .map((percent) => fixed((percent * 10) / Math.max(sipp.rate, 1), 2))
            .join(' / '),
          `${fixed(cpu.machineBusy)}%${cpu.steal >= 1 ? ` (steal ${fixed(cpu.steal)}%)` : ''}`,
          cpu.otherByCommand
            .slice(0, 3)
            .map(({ command, percent }) => `${command} ${fixed(percent)}`)
            .join(', ') || '-',
          kinds || '-',
        ],
      ];
    }),
  );
  process.stdout.write(
    `${table(
      [
        'offered',
        'path',
        'successful',
        'failed',
        'seconds',
        'samples 180 / 100',
        'no 180 first',
        'INVITE->180 p99.9 / max ms',
        'API decisions / non-200',
        'CPU % of a core: kamailio / api / pg bench / sipp / pg aux / bench / other',
        'CPU ms per call: kamailio / api / pg / sum',
        'machine busy',
        'other: top commands %',
        'failures',
      ],
      details,
    )}\n\n`,
  );
  process.stdout.write(
    `Kamailio children ${CHILDREN} (UDP), shared memory ${SHM_MB} MB, both paths; ${DURATION} s per step and path; ` +
      `${NUMBERS} numbers in turn; carrier SIPp on ${CARRIER_IP}; edge decision cache ` +
      `${ROUTE_CACHE_S ? `${ROUTE_CACHE_S} s` : 'default'}. INVITE->100 / INVITE->180: per call, first ` +
      'INVITE sent -> response received, gettimeofday in SIPp. API: time inside the API per decision (its ' +
      '/metrics histogram; p99 is a bucket bound). CPU from /proc: "bench" is this process, "other" everything else ' +
      '(other users of the machine, kernel threads).\n',
  );
  const traced = steps.filter(({ results }) => (results.full?.traces?.length ?? 0) > 0);
  if (traced.length > 0) {
    const spread = (traces: RoutingTrace[], pick: (trace: RoutingTrace) => number): string => {
      if (traces.length === 0) return '-';
      const samples = traces.map(pick);
      return `${fixed(ms(samples, 0.5), 2)} / ${fixed(ms(samples, 0.99), 2)} / ${fixed(Math.max(...samples), 2)}`;
    };
    const rows = traced.map(({ rate, results }) => {
      const traces = results.full?.traces ?? [];
      const asked = traces.filter((trace) => trace.source === 'api');
      return [
        `${fixed(rate)}/s`,
        `${asked.length} / ${traces.length - asked.length}`,
        spread(asked, (trace) => trace.queueMs),
        spread(asked, (trace) => trace.decisionMs),
        spread(traces, (trace) => trace.dialMs),
        spread(traces, (trace) => trace.queueMs + trace.decisionMs + trace.dialMs),
      ];
    });
    process.stdout.write(
      `${table(
        [
          'offered',
          'asked the API / from cache',
          'async queue p50 / p99 / max ms',
          'HTTP decision p50 / p99 / max ms',
          'dial until relay p50 / p99 / max ms',
          'edge total p50 / p99 / max ms',
        ],
        rows,
      )}\n` +
        'Edge trace (EDGE_TRACE_ROUTING): calls whose decision the edge asked the API for (queue and HTTP are theirs) ' +
        'or took from its cache; waiting for an async worker, the API round trip as the edge sees it, and the ' +
        'dialog, call event and targets until the INVITE is relayed.\n\n',
    );
  }
  const atTarget = steps.find((step) => step.rate === TARGET_RATE);
  const full = atTarget?.results.full;
  const bare = atTarget?.results.static;
  if (!atTarget || !full || !bare) {
    process.stdout.write(`targets: no step at ${TARGET_RATE} calls/s with both paths measured\n`);
    return;
  }
  const ratio = bare.sipp.rate > 0 ? full.sipp.rate / bare.sipp.rate : Number.NaN;
  const p99 = ms(ringing(full), 0.99);
  process.stdout.write(
    `target: successful calls/s at ${TARGET_RATE}/s >= ${RATIO_TARGET}x static: ${ratio.toFixed(3)}x ` +
      `(${fixed(full.sipp.rate, 1)} vs ${fixed(bare.sipp.rate, 1)}/s, failed ${full.sipp.failed} / ` +
      `${bare.sipp.failed}), ${ratio >= RATIO_TARGET ? 'met' : 'NOT met'}\n` +
      `target: routing delay (INVITE->180, full path) p99 <= ${DELAY_P99_TARGET_MS} ms at ${TARGET_RATE}/s: ` +
      `${fixed(p99, 2)} ms (static ${fixed(ms(ringing(bare), 0.99), 2)} ms), ` +
      `${p99 <= DELAY_P99_TARGET_MS ? 'met' : 'NOT met'}\n`,
  );
  const highest = (name: TargetName): string => {
    const passed = steps.filter((step) => sustained(step, name)).map((step) => step.rate);
    return passed.length > 0 ? `${fixed(Math.max(...passed))}/s` : 'none';
  };
  process.stdout.write(
    `highest step sustained (0 failed, >= ${SUSTAINED * 100}% of offered): full ${highest('full')}, ` +
      `static ${highest('static')}\n`,
  );
}

async function main(cleanup: Cleanup): Promise<number> {
  const runId = randomBytes(4).toString('hex');
  const database = `callwire_bench_${runId}`;
  const queuePrefix = `cwbench-routing-${runId}`;
  const edgeApiToken = randomBytes(32).toString('base64url');
  const metricsToken = randomBytes(32).toString('base64url');
  const ports = new PortPool();
  const sippGroups: number[] = [];
  const sipps: NativeProcess[] = [];
  const track = (child: NativeProcess): void => {
    sipps.push(child);
    if (child.pid !== undefined) sippGroups.push(child.pid);
  };

  const work = mkdtempSync(join(tmpdir(), 'callwire-bench-routing-'));
  cleanup.add(`remove ${work}`, async () => {
    if (KEEP) log(`kept ${work} (BENCH_KEEP=1)`);
    else rmSync(work, { recursive: true, force: true });
  });
  // With BENCH_KEEP=1, the last output of the edge and the API goes with the SIPp files.
  const outputs: Record<string, () => string> = {};
  cleanup.add('keep the edge and API output', async () => {
    if (!KEEP) return;
    for (const [name, output] of Object.entries(outputs)) {
      writeFileSync(join(work, `${name}-output.log`), `${output()}\n`);
    }
  });
  const { admin, databaseUrl } = await createMigratedDatabase(database, cleanup);
  cleanup.add(`delete Redis keys ${queuePrefix}:*`, async () => {
    log(`deleted ${await deleteRedisKeys(queuePrefix)} Redis keys under ${queuePrefix}:`);
  });

  // Every number routes to the UAS (a SIP URI); the static route goes there too.
  const uasPort = await ports.take();
  const uasUri = `sip:uas@127.0.0.1:${uasPort}`;
  const numbers = await seedNumbers(databaseUrl, {
    sipDomain: SIP_DOMAIN,
    carrierCidr: `${CARRIER_IP}/32`,
    count: NUMBERS,
    uasUri,
  });
  const numbersFile = join(work, 'numbers.csv');
  writeNumbers(numbersFile, numbers);
  log(`seeded 1 account, 1 carrier (${CARRIER_IP}/32), ${NUMBERS} numbers routed to ${uasUri}`);

  const apiPort = await ports.take();
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  if (CPU_PROFILE_DIR) mkdirSync(CPU_PROFILE_DIR, { recursive: true });
  const api = Service.start(
    'callwire api',
    [
      '-r',
      '@swc-node/register',
      ...(CPU_PROFILE_DIR
        ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROFILE_DIR}`, '-r', resolve(ROUTING_DIR, 'exit-on-sigterm.ts')]
        : []),
      resolve(ROOT, 'apps/api/src/main.ts'),
    ],
    {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      PORT: String(apiPort),
      HOST: '127.0.0.1',
      PUBLIC_URL: apiUrl,
      REDIS_URL,
      QUEUE_PREFIX: queuePrefix,
      EDGE_API_TOKEN: edgeApiToken,
      METRICS_TOKEN: metricsToken,
    },
    ROOT,
  );
  cleanup.add('stop the API', () => api.stop());
  outputs.api = () => api.recentOutput();
  await api.waitUntilReady(`${apiUrl}/readyz`);
  log(`callwire api ready on ${apiUrl} (pid ${api.pid})`);

  const edge = await startEdge({
    work,
    ports,
    cleanup,
    databaseUrl,
    children: CHILDREN,
    shmMb: SHM_MB,
    env: {
      QUEUE_PREFIX: queuePrefix,
      REDIS_URL,
      EDGE_API_TOKEN: edgeApiToken,
      EDGE_API_ROUTES_URL: `${apiUrl}/internal/edge/routes`,
      EDGE_PIKE_REQS: String(PIKE_REQS),
      ...(TRACE ? { EDGE_TRACE_ROUTING: '1' } : {}),
      ...(ROUTE_CACHE_S ? { EDGE_ROUTE_CACHE_S: ROUTE_CACHE_S } : {}),
    },
  });
  outputs.edge = () => edge.process.recentOutput();
  const traces: RoutingTrace[] = [];
  edge.process.onLine((line) => {
    const trace = TRACE ? parseRoutingTrace(line) : null;
    if (trace) traces.push(trace);
  });
  // kamailio.sh starts Kamailio in a process group of its own (setsid): its CPU is counted by that group.
  const edgeGroup = Number(readFileSync(join(edge.runDir, 'kamailio.pid'), 'utf8').trim());
  log(`callwire edge answers on udp 127.0.0.1:${edge.port} (pid ${edge.process.pid}, children ${CHILDREN})`);
  const bare = await startBareKamailio({
    work,
    ports,
    cleanup,
    children: CHILDREN,
    shmMb: SHM_MB,
    uasUri,
    edgeRunDir: edge.runDir,
    env: { BENCH_CARRIER_IP: CARRIER_IP },
  });
  log(`bare kamailio (static route) answers on udp 127.0.0.1:${bare.port} (pid ${bare.process.pid})`);

  const uas = await startSipp(
    {
      label: 'sipp uas',
      scenario: join(SIP_DIR, 'callee.xml'),
      service: 'uas',
      port: uasPort,
      // Without -l a SIPp UAS silently drops INVITEs beyond a small default number of open calls.
      limit: 10_000,
      dir: work,
    },
    ports,
  );
  track(uas.sipp);
  cleanup.add('stop the UAS', () => uas.sipp.stop());

  cleanup.add('stop the SIPp clients still running', async () => {
    await Promise.all(sipps.map((sipp) => sipp.stop(1_000)));
  });

  const targets: Target[] = [
    { name: 'full', port: edge.port },
    { name: 'static', port: bare.port },
  ];
  const servers = [edge.process, bare.process, uas.sipp];
  const broken: string[] = [];
  const call = (target: Target, rate: number, calls: number): Promise<SippResult> =>
    runSipp(
      {
        label: `sipp carrier (${target.name})`,
        scenario: join(ROUTING_DIR, 'carrier.xml'),
        remote: `127.0.0.1:${target.port}`,
        localIp: CARRIER_IP,
        injection: numbersFile,
        rate,
        calls,
        limit: 10_000,
        dir: work,
      },
      ports,
      track,
    );

  // Warm-up: the API's JIT and database pool, every process's first calls.
  for (const target of targets) {
    const result = await call(target, RATES[0], WARMUP_CALLS);
    log(`warm-up on ${target.name}: ${result.successful} of ${WARMUP_CALLS} calls, ${result.failed} failed`);
    if (result.successful === 0) throw new Error(`warm-up on ${target.name}: no successful call`);
  }
  await sleep(6_000);

  const steps: Step[] = [];
  for (const rate of RATES) {
    const step: Step = { rate, results: {} };
    steps.push(step);
    for (const target of targets) {
      log(`${fixed(rate)} calls/s for ${DURATION} s on ${target.name}`);
      const pgBefore = await backendPids(admin.client, database);
      const apiBefore: RouteHistogram | undefined =
        target.name === 'full' ? await readRouteHistogram(apiUrl, metricsToken) : undefined;
      const before = snapshot();
      traces.length = 0;
      const sipp = await call(target, rate, rate * DURATION);
      const after = snapshot();
      const pgBackends = [...new Set([...pgBefore, ...(await backendPids(admin.client, database))])];
      const cpu = usage(
        before,
        after,
        {
          edge: [edge.process.pid ?? -1, edgeGroup, bare.process.pid ?? -1],
          sipp: sippGroups,
          pgBackends,
          byPid: { api: [api.pid ?? -1], bench: [process.pid] },
        },
        sipp.cpuSeconds,
      );
      const apiDelta = apiBefore ? routeDelta(apiBefore, await readRouteHistogram(apiUrl, metricsToken)) : undefined;
      step.results[target.name] = {
        sipp,
        cpu,
        api: apiDelta,
        traces: target.name === 'full' && TRACE ? [...traces] : undefined,
      };
      for (const server of servers) server.assertRunning();
      api.assertRunning();
      if (sipp.successful === 0) broken.push(`${fixed(rate)}/s on ${target.name}: no successful call`);
      log(
        `  ${fixed(sipp.rate, 1)}/s successful (${sipp.successful} in ${fixed(sipp.elapsedSeconds, 2)} s), ` +
          `failed ${sipp.failed}, retransmissions ${sipp.retransmissions}, INVITE->180 p50 / p99 ` +
          `${pair(sipp.samplesMs.pdd)} ms; CPU kamailio ${fixed(cpu.edge)}%, api ${fixed(cpu.byPid.api ?? 0)}%, ` +
          `pg ${fixed(cpu.pgBench)}%, sipp ${fixed(cpu.sipp)}%, other ${fixed(cpu.other)}%`,
      );
      // Completed transactions stay in Kamailio's shared memory for 5 s: let them go before the next run.
      await sleep(6_000);
    }
  }

  report(steps);
  if (CPU_PROFILE_DIR) {
    await api.stop();
    process.stdout.write(`\n${summarize(CPU_PROFILE_DIR, ROOT)}\n`);
  }
  return brokenCode(broken, { 'Callwire edge': edge.process.recentOutput() });
}

runBench(main);
