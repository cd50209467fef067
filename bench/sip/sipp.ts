/**
 * SIPp runs for bench:sip and the few numbers we read from them.
 *
 * Every run gets its own ports (-p, -cp, -mp) on 127.0.0.1 and its own files in the run's directory: the
 * statistics file (-trace_stat, read at the end: successful and failed calls, retransmissions, start and end time)
 * and the log of the scenario's <log> actions (-trace_logs), where the scenarios write one line per call with the
 * gettimeofday() values taken when the authenticated request left and when its answer (200 for REGISTER, 180 for
 * INVITE) was processed. Latency percentiles come from those lines, in microseconds.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NativeProcess, type PortPool, describeExit } from './processes';

export interface SippOptions {
  readonly label: string;
  readonly scenario: string;
  /** host:port of the proxy; absent for a UAS. */
  readonly remote?: string;
  readonly injection?: string;
  readonly keys?: Record<string, string>;
  readonly service?: string;
  /** Offered rate (calls/s). */
  readonly rate?: number;
  /** Stop after this many calls. */
  readonly calls?: number;
  /** Most calls open at once. */
  readonly limit?: number;
  /** Stop after this many seconds. */
  readonly timeoutSeconds?: number;
  /** Local SIP port; picked from the pool when absent. */
  readonly port?: number;
  /** Local address SIPp binds (-i): 127.0.0.1 unless set (bench:routing's carrier sends from 127.0.0.3). */
  readonly localIp?: string;
  readonly dir: string;
}

export interface SippResult {
  readonly label: string;
  readonly successful: number;
  readonly failed: number;
  readonly retransmissions: number;
  /** Seconds between the statistics file's start time and its last dump. */
  readonly elapsedSeconds: number;
  /** Successful calls per second over `elapsedSeconds`. */
  readonly rate: number;
  /** Failure counters that are not zero, e.g. FailedMaxUDPRetrans: 3. */
  readonly failureKinds: Record<string, number>;
  /** Per-call latency samples in ms (REGISTER with credentials -> 200, or INVITE with credentials -> 180). */
  readonly latenciesMs: number[];
  /** Calls that logged "nopdd": the 200 came before any 180 (no post-dial delay sample). */
  readonly withoutSample: number;
  /** Every "<tag> <s0> <us0> <s1> <us1>" line of the log by tag, in ms (lat and pdd included). */
  readonly samplesMs: Record<string, number[]>;
  readonly exit: string;
  /** CPU time (user + system) SIPp used, in seconds. */
  readonly cpuSeconds: number;
}

let runCounter = 0;

function sippArgs(options: SippOptions, ports: { port: number; control: number; media: number }, files: Files) {
  const args: string[] = [];
  if (options.remote) args.push(options.remote);
  args.push('-sf', options.scenario);
  if (options.injection) args.push('-inf', options.injection);
  for (const [key, value] of Object.entries(options.keys ?? {})) args.push('-key', key, value);
  if (options.service) args.push('-s', options.service);
  const localIp = options.localIp ?? '127.0.0.1';
  args.push('-i', localIp, '-p', String(ports.port), '-cp', String(ports.control), '-mp', String(ports.media));
  // 1 MiB socket buffers (SIPp's default is 64 KiB): bursts of the closed-loop runs would overflow them.
  args.push('-t', 'u1', '-nd', '-nostdin', '-recv_timeout', '10000', '-buff_size', '1048576');
  args.push('-trace_stat', '-stf', files.stat, '-fd', '1');
  args.push('-trace_logs', '-log_file', files.log);
  args.push('-trace_err', '-error_file', files.errors);
  if (options.rate !== undefined) args.push('-r', String(options.rate));
  if (options.calls !== undefined) args.push('-m', String(options.calls));
  if (options.limit !== undefined) args.push('-l', String(options.limit));
  if (options.timeoutSeconds !== undefined) args.push('-timeout', `${options.timeoutSeconds}s`);
  return args;
}

interface Files {
  readonly stat: string;
  readonly log: string;
  readonly errors: string;
  readonly times: string;
}

function filesFor(dir: string): Files {
  const id = `${++runCounter}`.padStart(3, '0');
  return {
    stat: join(dir, `sipp-${id}-stat.csv`),
    log: join(dir, `sipp-${id}-calls.log`),
    errors: join(dir, `sipp-${id}-errors.log`),
    times: join(dir, `sipp-${id}-times.txt`),
  };
}

/** A SIPp UAS (or any SIPp meant to run until stopped), started in the background. */
export async function startSipp(options: SippOptions, ports: PortPool): Promise<{ sipp: NativeProcess; port: number }> {
  const port = options.port ?? (await ports.take());
  const control = await ports.take();
  const media = await ports.take(2);
  const files = filesFor(options.dir);
  const sipp = NativeProcess.start(options.label, 'sipp', sippArgs(options, { port, control, media }, files), {
    env: { ...process.env },
    cwd: options.dir,
    keepStdout: false,
  });
  return { sipp, port };
}

/** Runs a SIPp client to the end (-m or -timeout) and reads its results. */
export async function runSipp(
  options: SippOptions,
  ports: PortPool,
  track?: (process: NativeProcess) => void,
): Promise<SippResult> {
  const port = options.port ?? (await ports.take());
  const control = await ports.take();
  const media = await ports.take(2);
  const files = filesFor(options.dir);
  // Through bash, whose `times` gives SIPp's CPU time once it has exited (/proc no longer has it then).
  const sipp = NativeProcess.start(
    options.label,
    'bash',
    [
      '-c',
      'sipp "$@"; code=$?; times > "$BENCH_TIMES_FILE"; exit $code',
      'sipp',
      ...sippArgs(options, { port, control, media }, files),
    ],
    { env: { ...process.env, BENCH_TIMES_FILE: files.times }, cwd: options.dir, keepStdout: false },
  );
  track?.(sipp);
  const expectedSeconds =
    options.timeoutSeconds ?? (options.calls !== undefined && options.rate ? options.calls / options.rate : 10);
  const status = await sipp.wait((expectedSeconds + 60) * 1_000);
  // 0: all calls succeeded, 1: at least one failed; anything else is SIPp itself failing.
  if (status.code !== 0 && status.code !== 1) {
    const errors = existsSync(files.errors) ? readFileSync(files.errors, 'utf8').slice(0, 4_000) : '';
    throw new Error(
      `SIPp (${options.label}) ended with ${describeExit(status)}:\n${sipp.recentOutput()}\n${errors}`.trimEnd(),
    );
  }
  return { ...readResult(options.label, files), exit: describeExit(status), cpuSeconds: childrenCpuSeconds(files) };
}

/** The second line of bash's `times`: children's user and system time, e.g. "0m1.234s 0m0.567s". */
function childrenCpuSeconds(files: Files): number {
  if (!existsSync(files.times)) return 0;
  const children = readFileSync(files.times, 'utf8').trim().split('\n')[1] ?? '';
  let total = 0;
  for (const match of children.matchAll(/(\d+)m([\d.]+)s/g)) total += Number(match[1]) * 60 + Number(match[2]);
  return total;
}

function epochSeconds(cell: string): number {
  // "2026-11-21\t09:17:47.595010\t1795252667.595010": the last part is the Unix time.
  const parts = cell.split('\t');
  return Number(parts[parts.length - 1]);
}

function readResult(label: string, files: Files): Omit<SippResult, 'exit' | 'cpuSeconds'> {
  if (!existsSync(files.stat)) throw new Error(`SIPp (${label}) wrote no statistics file ${files.stat}`);
  const lines = readFileSync(files.stat, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '');
  if (lines.length < 2) throw new Error(`SIPp (${label}): statistics file ${files.stat} has no data`);
  const header = lines[0].split(';');
  const last = lines[lines.length - 1].split(';');
  const column = (name: string): string => {
    const index = header.indexOf(name);
    if (index < 0) throw new Error(`SIPp statistics file without column ${name}`);
    return last[index] ?? '';
  };
  const successful = Number(column('SuccessfulCall(C)'));
  const failed = Number(column('FailedCall(C)'));
  const retransmissions = Number(column('Retransmissions(C)'));
  const elapsedSeconds = epochSeconds(column('CurrentTime')) - epochSeconds(column('StartTime'));
  const failureKinds: Record<string, number> = {};
  header.forEach((name, index) => {
    const match = /^(Failed\w+)\(C\)$/.exec(name);
    const value = Number(last[index]);
    if (match && match[1] !== 'FailedCall' && value > 0) failureKinds[match[1]] = value;
  });

  const latenciesMs: number[] = [];
  const samplesMs: Record<string, number[]> = {};
  let withoutSample = 0;
  if (existsSync(files.log)) {
    for (const line of readFileSync(files.log, 'utf8').split('\n')) {
      const fields = line.trim().split(/\s+/);
      if (fields[0] === 'nopdd') withoutSample++;
      if (fields.length !== 5) continue;
      const [s0, us0, s1, us1] = fields.slice(1).map(Number);
      const microseconds = (s1 - s0) * 1e6 + (us1 - us0);
      if (!Number.isFinite(microseconds)) continue;
      (samplesMs[fields[0]] ??= []).push(microseconds / 1_000);
      if (fields[0] === 'lat' || fields[0] === 'pdd') latenciesMs.push(microseconds / 1_000);
    }
  }
  return {
    label,
    successful,
    failed,
    retransmissions,
    elapsedSeconds,
    rate: elapsedSeconds > 0 ? successful / elapsedSeconds : 0,
    failureKinds,
    latenciesMs,
    withoutSample,
    samplesMs,
  };
}

/** Nearest-rank percentile of unsorted samples; NaN when there are none. */
export function percentile(samples: number[], fraction: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(fraction * sorted.length));
  return sorted[rank - 1];
}
