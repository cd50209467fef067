/**
 * Shared plumbing for the benchmarks in bench/: child processes with captured output, free ports,
 * readiness polling, autocannon runs reduced to the few numbers we report, and text tables.
 *
 * Benchmarks are not tests: they print numbers and exit non-zero only when something breaks.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { Redis } from 'ioredis';
import { Client, escapeIdentifier } from 'pg';
import { resolve } from 'node:path';

export function log(message: string): void {
  process.stdout.write(`[bench] ${message}\n`);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A positive integer from the environment, or the fallback. */
export function envInt(name: string, fallback: number): number {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

/** A comma-separated list of positive integers from the environment (e.g. rates), or the fallback. */
export function envIntList(name: string, fallback: string): number[] {
  return (process.env[name]?.trim() || fallback).split(',').map((item) => {
    const value = Number(item.trim());
    if (!Number.isInteger(value) || value <= 0) throw new Error(`${name}: not a positive integer: "${item}"`);
    return value;
  });
}

/** A number with thousands separators and `digits` decimals; "n/a" when it is not finite. */
export const fixed = (value: number, digits = 0): string =>
  Number.isFinite(value)
    ? value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
    : 'n/a';

/** A port that was free a moment ago (the OS picks it; a tiny race with other processes is acceptable here). */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (address === null || typeof address === 'string') throw new Error('could not pick a free port');
  return address.port;
}

/** Cleanup steps run once, last registered first, whether the run succeeded, failed or was interrupted. */
export class Cleanup {
  private readonly steps: { name: string; run: () => Promise<void> }[] = [];
  private running: Promise<void> | undefined;

  add(name: string, run: () => Promise<void>): void {
    this.steps.push({ name, run });
  }

  run(): Promise<void> {
    this.running ??= (async () => {
      for (const step of this.steps.reverse()) {
        try {
          await step.run();
        } catch (error) {
          process.stderr.write(`[bench] cleanup "${step.name}" failed: ${describe(error)}\n`);
        }
      }
    })();
    return this.running;
  }
}

export function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/**
 * Runs a benchmark's main to the end and exits with its code: `cleanup` runs last, also when main throws (exit 1)
 * or on Ctrl-C / SIGTERM (exit 130). Main returns non-zero when something broke (see `brokenCode`).
 */
export function runBench(main: (cleanup: Cleanup) => Promise<number>): void {
  const cleanup = new Cleanup();
  const onSignal = (signal: NodeJS.Signals): void => {
    log(`${signal}: cleaning up`);
    void cleanup.run().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  void main(cleanup)
    .catch((error: unknown) => {
      process.stderr.write(`[bench] failed: ${describe(error)}\n`);
      return 1;
    })
    .then(async (code) => {
      await cleanup.run();
      process.exit(code);
    });
}

/** 0, or 1 after printing what broke and the last output of the processes named in `outputs`. */
export function brokenCode(broken: string[], outputs: Record<string, string>): number {
  if (broken.length === 0) return 0;
  process.stderr.write(`\n[bench] something broke:\n  ${broken.join('\n  ')}\n`);
  for (const [name, output] of Object.entries(outputs))
    process.stderr.write(`[bench] last ${name} output:\n${output}\n`);
  return 1;
}

const KEPT_OUTPUT_LINES = 200;

/** Keeps the last non-empty lines a child prints (stdout and stderr) in `lines`, for error reports. */
export function keepOutputTail(child: ChildProcess, lines: string[]): void {
  const keep = (chunk: Buffer): void => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.trim() === '') continue;
      lines.push(line);
      if (lines.length > KEPT_OUTPUT_LINES) lines.shift();
    }
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
}

/** A server under test, in its own process so the load generator does not share its event loop. */
export class Service {
  private readonly output: string[] = [];
  private exited = false;
  private exitDescription = '';

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
  ) {
    keepOutputTail(child, this.output);
    child.on('exit', (code, signal) => {
      this.exited = true;
      this.exitDescription = signal ? `signal ${signal}` : `code ${String(code)}`;
    });
  }

  static start(name: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): Service {
    const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    return new Service(name, child);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** The last lines the process printed, for failure reports. */
  recentOutput(): string {
    return this.output.join('\n');
  }

  assertRunning(): void {
    if (this.exited) {
      throw new Error(`${this.name} exited (${this.exitDescription}); its last output:\n${this.recentOutput()}`);
    }
  }

  /** Polls `url` until it answers 200. */
  async waitUntilReady(url: string, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let last = 'no answer yet';
    while (Date.now() < deadline) {
      this.assertRunning();
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
        await response.arrayBuffer();
        if (response.status === 200) return;
        last = `HTTP ${response.status}`;
      } catch (error) {
        last = error instanceof Error ? error.message : String(error);
      }
      await sleep(200);
    }
    throw new Error(
      `${this.name} not ready at ${url} after ${timeoutMs} ms (${last}); its output:\n${this.recentOutput()}`,
    );
  }

  /** SIGTERM, then SIGKILL if the process has not exited within `graceMs`. */
  async stop(graceMs = 5_000): Promise<void> {
    if (this.exited || this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = once(this.child, 'exit');
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  }
}

/** Runs a command to completion, returning its combined output; rejects on a non-zero exit. */
export async function run(command: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<string> {
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
  if (code !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit code ${String(code)}`}):\n${output}`);
  }
  return output;
}

/** CPU time (utime + stime, ms) a process has used so far, from /proc/<pid>/stat (USER_HZ 100); null when gone. */
export function processCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // After "(command)": state is field 3, utime and stime fields 14 and 15 (1-based, see proc(5)).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

export interface LoadOptions {
  readonly url: string;
  readonly connections: number;
  readonly durationSeconds: number;
  readonly headers: Record<string, string>;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  /** For POST: a new body for every request. */
  readonly body?: () => string;
}

export interface LoadResult {
  /** Mean requests per second over the run's one-second samples. */
  readonly rps: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly total2xx: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly statusCounts: Record<string, number>;
}

/** One autocannon run (pipelining 1) in this process; the server is elsewhere. */
export async function load(options: LoadOptions): Promise<LoadResult> {
  const makeBody = options.body;
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    pipelining: 1,
    duration: options.durationSeconds,
    headers: options.headers,
    requests: [
      makeBody
        ? { method: options.method, path: options.path, setupRequest: (request) => ({ ...request, body: makeBody() }) }
        : { method: options.method, path: options.path },
    ],
  });
  const statusCounts: Record<string, number> = {};
  for (const [status, stats] of Object.entries(result.statusCodeStats ?? {})) {
    statusCounts[status] = stats.count ?? 0;
  }
  return {
    rps: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    total2xx: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCounts,
  };
}

/** A fixed-width text table; numbers are right-aligned. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]): string =>
    cells
      .map((cell, column) => (/^[\d.,x×%-]+$/.test(cell) ? cell.padStart(widths[column]) : cell.padEnd(widths[column])))
      .join('  ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

const FALLBACK_ADMIN_URL = 'postgresql://postgres@127.0.0.1:5432/postgres';

/** Admin connection: DATABASE_URL (from the environment or .env), else the local postgres superuser. */
async function connectAdmin(): Promise<{ client: Client; url: string }> {
  const candidates = [process.env.DATABASE_URL?.trim(), FALLBACK_ADMIN_URL].filter((url): url is string => !!url);
  let lastError: unknown;
  for (const url of candidates) {
    const client = new Client({ connectionString: url });
    try {
      await client.connect();
      return { client, url };
    } catch (error) {
      lastError = error;
      await client.end().catch(() => undefined);
    }
  }
  throw new Error(
    `cannot connect to PostgreSQL (tried DATABASE_URL and ${FALLBACK_ADMIN_URL}): ${describe(lastError)}`,
  );
}

/** The same server and credentials, another database. */
function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * A database of the benchmark's own, migrated with the real migrations, dropped by `cleanup`. The admin
 * connection stays open (for queries about the bench database) until cleanup.
 */
export async function createMigratedDatabase(
  database: string,
  cleanup: Cleanup,
): Promise<{ admin: { client: Client; url: string }; databaseUrl: string }> {
  const admin = await connectAdmin();
  cleanup.add('close the admin connection', () => admin.client.end());
  await admin.client.query(`CREATE DATABASE ${escapeIdentifier(database)}`);
  cleanup.add(`drop database ${database}`, async () => {
    await admin.client.query(`DROP DATABASE IF EXISTS ${escapeIdentifier(database)} WITH (FORCE)`);
    log(`dropped database ${database}`);
  });
  const databaseUrl = withDatabase(admin.url, database);
  log(`created database ${database}; applying migrations (prisma migrate deploy, ~10 s)`);
  const root = resolve(__dirname, '..');
  await run(
    'npx',
    ['--no-install', 'prisma', 'migrate', 'deploy'],
    {
      ...process.env,
      DATABASE_URL: databaseUrl,
      CHECKPOINT_DISABLE: '1',
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
      PRISMA_QUERY_ENGINE_LIBRARY: resolve(root, 'package.json'),
    },
    root,
  );
  return { admin, databaseUrl };
}

/** Every key under `prefix:` (a benchmark's own QUEUE_PREFIX: queues, the edge's event stream), by SCAN. */
export async function deleteRedisKeys(prefix: string): Promise<number> {
  const redis = new Redis(process.env.REDIS_URL?.trim() || 'redis://127.0.0.1:6379', {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
  });
  await redis.connect();
  try {
    let deleted = 0;
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) deleted += await redis.del(...keys);
    } while (cursor !== '0');
    return deleted;
  } finally {
    redis.disconnect();
  }
}
