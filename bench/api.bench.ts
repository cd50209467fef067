/**
 * `npm run bench:api`: Callwire's REST API against two baselines, in the same run:
 *
 * - bare (bench/bare-server.ts): node:http answering a body of the same shape, no database, no auth. The issue's
 *   target metric is the ratio to this one.
 * - bare + pg (bench/bare-pg-server.ts): node:http + a pg Pool making the same PostgreSQL round trips as Callwire
 *   (API key lookup, then the page query; or API key, SIP domain and insert), no framework. The ceiling of any
 *   handler that needs that database work on this machine.
 *
 * Scenarios: GET /v1/sip-users (a full default page of 20 users) and POST /v1/sip-users (a unique username per
 * request). All servers run as child processes; autocannon drives them from this process. The machine is noisy,
 * so the numbers to read are the ratios, not the absolute requests/s.
 *
 * The run builds the API, creates its own database (callwire_bench_<random>) and Redis prefix, seeds through
 * the REST API, and removes all of it at the end, also on failure or Ctrl-C. It exits non-zero only when
 * something breaks (errors, timeouts, non-2xx answers), never because a target was missed.
 *
 * Knobs (environment): BENCH_DURATION seconds per scenario (10), BENCH_WARMUP seconds (3),
 * BENCH_CONNECTIONS (50), BENCH_SKIP_BUILD=1 to use the existing dist/ build, BENCH_SCENARIOS (comma-separated, default
 * "list,create"; "healthz" adds GET /healthz: no auth, no database, i.e. the framework alone),
 * BENCH_CPU_PROF=<dir> to CPU-profile the API and bare + pg processes (<dir>/callwire, <dir>/bare-pg) and print
 * where each one's time went.
 */
import 'dotenv/config';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { cpuProfileArgs, summarize } from './cpu-profile';
import {
  type Cleanup,
  type LoadOptions,
  type LoadResult,
  Service,
  brokenCode,
  envInt,
  freePort,
  load,
  log,
  processCpuMs,
  run,
  runBench,
  table,
  createMigratedDatabase,
  deleteRedisKeys,
} from './support';

const ROOT = resolve(__dirname, '..');
const API_MAIN = resolve(ROOT, 'dist/apps/api/src/main.js');
const REDIS_URL = process.env.REDIS_URL?.trim() || 'redis://127.0.0.1:6379';
const SEED_USERS = 20;
/** Issue 12: GET list with rate limits and security headers on, against the same round trips without a framework. */
const GET_LIST_TARGET = 0.85;

const DURATION = envInt('BENCH_DURATION', 10);
const WARMUP = envInt('BENCH_WARMUP', 3);
const CONNECTIONS = envInt('BENCH_CONNECTIONS', 50);
const SCENARIOS = (process.env.BENCH_SCENARIOS?.trim() || 'list,create').split(',').map((key) => key.trim());
const CPU_PROFILE_DIR = process.env.BENCH_CPU_PROF?.trim() ? resolve(process.env.BENCH_CPU_PROF.trim()) : undefined;

interface Scenario {
  readonly key: string;
  readonly name: string;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly body?: () => string;
}

type TargetName = 'callwire' | 'bare' | 'barePg';

interface Target {
  readonly name: TargetName;
  readonly label: string;
  readonly url: string;
  readonly headers: Record<string, string>;
}

/** A load run and the CPU its server process used for it (µs per request: robust to a busy machine). */
interface ServerResult extends LoadResult {
  readonly cpuUsPerRequest: number | null;
}

interface Measurement {
  readonly scenario: string;
  readonly callwire: ServerResult;
  readonly bare: ServerResult;
  readonly barePg: ServerResult;
}

async function request<T>(method: 'GET' | 'POST', url: string, token: string, body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${url} answered ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

interface SipUserPage {
  data: { sipUri: string }[];
  nextCursor: string | null;
}

/** Seeds one account, one API key and a full page of SIP users; returns the key and the real list response. */
async function seed(apiUrl: string, adminKey: string): Promise<{ apiKey: string; listBody: SipUserPage }> {
  const account = await request<{ id: string; sipDomain: string }>('POST', `${apiUrl}/v1/accounts`, adminKey, {
    name: 'Bench',
  });
  const { key } = await request<{ key: string }>('POST', `${apiUrl}/v1/accounts/${account.id}/api-keys`, adminKey, {
    name: 'bench',
  });
  for (let i = 1; i <= SEED_USERS; i++) {
    await request('POST', `${apiUrl}/v1/sip-users`, key, { username: `user${i}`, password: 'password123' });
  }
  const listBody = await request<SipUserPage>('GET', `${apiUrl}/v1/sip-users`, key);
  if (listBody.data.length !== SEED_USERS) {
    throw new Error(`expected a list page of ${SEED_USERS} users, got ${listBody.data.length}`);
  }
  return { apiKey: key, listBody };
}

function loadOptions(target: Target, scenario: Scenario, durationSeconds: number): LoadOptions {
  return {
    url: target.url,
    connections: CONNECTIONS,
    durationSeconds,
    headers: target.headers,
    method: scenario.method,
    path: scenario.path,
    body: scenario.body,
  };
}

function problems(result: LoadResult): string[] {
  const found: string[] = [];
  if (result.non2xx > 0) found.push(`${result.non2xx} non-2xx (by status: ${JSON.stringify(result.statusCounts)})`);
  if (result.errors > 0) found.push(`${result.errors} errors`);
  if (result.timeouts > 0) found.push(`${result.timeouts} timeouts`);
  if (result.total2xx === 0) found.push('no 2xx answer at all');
  return found;
}

const fixed = (value: number, digits = 0): string => value.toFixed(digits);

const ratio = (value: number, baseline: number): string => (baseline > 0 ? `${fixed(value / baseline, 3)}x` : 'n/a');

function report(measurements: Measurement[]): void {
  const throughput = measurements.map(({ scenario, callwire, bare, barePg }) => [
    scenario,
    fixed(callwire.rps),
    fixed(bare.rps),
    fixed(barePg.rps),
    ratio(callwire.rps, bare.rps),
    ratio(callwire.rps, barePg.rps),
    ratio(barePg.rps, bare.rps),
  ]);
  process.stdout.write(
    `\n${table(
      ['scenario', 'callwire rps', 'bare rps', 'bare+pg rps', 'cw/bare', 'cw/bare+pg', 'bare+pg/bare'],
      throughput,
    )}\n\n`,
  );
  const servers: [string, (m: Measurement) => ServerResult][] = [
    ['callwire', (m) => m.callwire],
    ['bare', (m) => m.bare],
    ['bare+pg', (m) => m.barePg],
  ];
  const details = measurements.flatMap((measurement) =>
    servers.map(([label, pick]) => {
      const result = pick(measurement);
      return [
        measurement.scenario,
        label,
        fixed(result.rps),
        fixed(result.p50Ms, 1),
        fixed(result.p99Ms, 1),
        String(result.non2xx),
        String(result.errors),
        String(result.timeouts),
        result.cpuUsPerRequest === null ? '-' : fixed(result.cpuUsPerRequest),
      ];
    }),
  );
  const detailsHeader = [
    'scenario',
    'server',
    'rps',
    'p50 ms',
    'p99 ms',
    'non-2xx',
    'errors',
    'timeouts',
    'CPU µs/req',
  ];
  process.stdout.write(`${table(detailsHeader, details)}\n\n`);
  process.stdout.write(
    `connections ${CONNECTIONS}, pipelining 1, ${DURATION} s per scenario and server after ${WARMUP} s warm-up; ` +
      'rps = mean of 1 s samples, latency in ms; CPU µs/req = user + system time of the server process ÷ requests\n',
  );
  const list = measurements.find((m) => m.scenario.startsWith('GET /v1/sip-users'));
  if (list) {
    const value = list.callwire.rps / list.barePg.rps;
    const verdict = value >= GET_LIST_TARGET ? 'met' : 'NOT met';
    process.stdout.write(
      `target: GET list >= ${GET_LIST_TARGET}x bare+pg rps (the same database round trips without a framework): ` +
        `${fixed(value, 3)}x, ${verdict}\n`,
    );
    process.stdout.write(
      `  for reference: callwire is ${ratio(list.callwire.rps, list.bare.rps)} of bare (no database); ` +
        `bare+pg itself is ${ratio(list.barePg.rps, list.bare.rps)} of bare\n`,
    );
  }
}

async function main(cleanup: Cleanup): Promise<number> {
  const runId = randomBytes(4).toString('hex');
  const database = `callwire_bench_${runId}`;
  const queuePrefix = `cwbench-${runId}`;
  const adminKey = randomBytes(32).toString('base64url');

  if (process.env.BENCH_SKIP_BUILD === '1' && existsSync(API_MAIN)) {
    log('using the existing build (BENCH_SKIP_BUILD=1)');
  } else {
    log('building the API (nest build api)');
    await run('npx', ['--no-install', 'nest', 'build', 'api'], process.env, ROOT);
  }

  const { databaseUrl } = await createMigratedDatabase(database, cleanup);

  cleanup.add(`delete Redis keys ${queuePrefix}:*`, async () => {
    const deleted = await deleteRedisKeys(queuePrefix);
    log(`deleted ${deleted} Redis keys under ${queuePrefix}:`);
  });
  const apiPort = await freePort();
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const profileArgs = (server: string): string[] => {
    if (!CPU_PROFILE_DIR) return [];
    mkdirSync(resolve(CPU_PROFILE_DIR, server), { recursive: true });
    return cpuProfileArgs(resolve(CPU_PROFILE_DIR, server));
  };
  const api = Service.start(
    'callwire api',
    [...profileArgs('callwire'), API_MAIN],
    {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      ADMIN_API_KEY: adminKey,
      PORT: String(apiPort),
      HOST: '127.0.0.1',
      PUBLIC_URL: apiUrl,
      REDIS_URL,
      QUEUE_PREFIX: queuePrefix,
    },
    ROOT,
  );
  cleanup.add('stop the API', () => api.stop());
  await api.waitUntilReady(`${apiUrl}/readyz`);
  log(`callwire api ready on ${apiUrl} (pid ${api.pid})`);

  const { apiKey, listBody } = await seed(apiUrl, adminKey);
  log(`seeded 1 account, 1 API key, ${SEED_USERS} SIP users`);

  const barePort = await freePort();
  const bareUrl = `http://127.0.0.1:${barePort}`;
  const sipDomain = listBody.data[0].sipUri.replace(/^sip:[^@]*@/, '');
  const bare = Service.start(
    'bare server',
    ['-r', '@swc-node/register', resolve(__dirname, 'bare-server.ts')],
    {
      ...process.env,
      PORT: String(barePort),
      HOST: '127.0.0.1',
      BARE_LIST_BODY: JSON.stringify(listBody),
      BARE_SIP_DOMAIN: sipDomain,
    },
    ROOT,
  );
  cleanup.add('stop the bare server', () => bare.stop());
  await bare.waitUntilReady(`${bareUrl}/readyz`);
  log(`bare server ready on ${bareUrl} (pid ${bare.pid})`);

  const barePgPort = await freePort();
  const barePgUrl = `http://127.0.0.1:${barePgPort}`;
  const barePg = Service.start(
    'bare+pg server',
    [...profileArgs('bare-pg'), '-r', '@swc-node/register', resolve(__dirname, 'bare-pg-server.ts')],
    { ...process.env, PORT: String(barePgPort), HOST: '127.0.0.1', DATABASE_URL: databaseUrl },
    ROOT,
  );
  cleanup.add('stop the bare+pg server', () => barePg.stop());
  await barePg.waitUntilReady(`${barePgUrl}/readyz`);
  log(`bare+pg server ready on ${barePgUrl} (pid ${barePg.pid})`);

  let counter = 0;
  const allScenarios: Scenario[] = [
    { key: 'list', name: 'GET /v1/sip-users (list 20)', method: 'GET', path: '/v1/sip-users' },
    {
      key: 'create',
      name: 'POST /v1/sip-users (create)',
      method: 'POST',
      path: '/v1/sip-users',
      body: () => JSON.stringify({ username: `b${runId}-${++counter}`, password: 'password123' }),
    },
    { key: 'healthz', name: 'GET /healthz (no auth, no DB)', method: 'GET', path: '/healthz' },
  ];
  const unknown = SCENARIOS.filter((key) => !allScenarios.some((scenario) => scenario.key === key));
  if (unknown.length > 0) {
    throw new Error(`unknown BENCH_SCENARIOS ${unknown.join(', ')}; known: list, create, healthz`);
  }
  const scenarios = allScenarios.filter((scenario) => SCENARIOS.includes(scenario.key));
  const targets: Target[] = [
    { name: 'callwire', label: 'callwire', url: apiUrl, headers: { authorization: `Bearer ${apiKey}` } },
    { name: 'bare', label: 'bare', url: bareUrl, headers: { authorization: `Bearer ${apiKey}` } },
    { name: 'barePg', label: 'bare+pg', url: barePgUrl, headers: { authorization: `Bearer ${apiKey}` } },
  ];
  for (const target of targets) target.headers['content-type'] = 'application/json';

  const servers: Record<TargetName, Service> = { callwire: api, bare, barePg };
  const measurements: Measurement[] = [];
  const broken: string[] = [];
  for (const scenario of scenarios) {
    const results: Partial<Record<TargetName, ServerResult>> = {};
    for (const target of targets) {
      log(`${scenario.name} on ${target.label}: ${WARMUP} s warm-up`);
      const warmup = await load(loadOptions(target, scenario, WARMUP));
      for (const problem of problems(warmup)) broken.push(`${scenario.name} on ${target.label}, warm-up: ${problem}`);
      log(`${scenario.name} on ${target.label}: ${DURATION} s`);
      const server = servers[target.name];
      const cpuBefore = server.pid === undefined ? null : processCpuMs(server.pid);
      const loaded = await load(loadOptions(target, scenario, DURATION));
      const cpuAfter = server.pid === undefined ? null : processCpuMs(server.pid);
      const requests = loaded.total2xx + loaded.non2xx;
      const result: ServerResult = {
        ...loaded,
        cpuUsPerRequest:
          cpuBefore === null || cpuAfter === null || requests === 0 ? null : ((cpuAfter - cpuBefore) * 1000) / requests,
      };
      for (const problem of problems(result)) broken.push(`${scenario.name} on ${target.label}: ${problem}`);
      log(
        `  ${fixed(result.rps)} req/s, p50 ${fixed(result.p50Ms, 1)} ms, p99 ${fixed(result.p99Ms, 1)} ms, ` +
          `non-2xx ${result.non2xx}, errors ${result.errors}`,
      );
      for (const service of [api, bare, barePg]) service.assertRunning();
      results[target.name] = result;
    }
    const { callwire, bare: bareResult, barePg: barePgResult } = results;
    if (callwire && bareResult && barePgResult) {
      measurements.push({ scenario: scenario.name, callwire, bare: bareResult, barePg: barePgResult });
    }
  }

  report(measurements);
  if (CPU_PROFILE_DIR) {
    await Promise.all([api.stop(), barePg.stop()]);
    for (const server of ['callwire', 'bare-pg']) {
      process.stdout.write(`\n${server}: ${summarize(resolve(CPU_PROFILE_DIR, server), ROOT)}\n`);
    }
  }
  return brokenCode(broken, { API: api.recentOutput(), 'bare+pg': barePg.recentOutput() });
}

runBench(main);
