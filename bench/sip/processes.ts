/**
 * bench:sip plumbing that bench/support.ts does not cover: native child processes (Kamailio, SIPp) in their own
 * process group, free UDP ports, and a SIP OPTIONS probe to know when a Kamailio answers.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Cleanup, deleteRedisKeys, freePort, keepOutputTail, log, sleep } from '../support';

export interface ExitStatus {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/**
 * A native process started in its own process group (Kamailio forks its workers; `stop` signals the whole
 * group, i.e. only what this benchmark started). Keeps the last lines of stderr (and stdout unless ignored).
 */
export class NativeProcess {
  private readonly output: string[] = [];
  private status: ExitStatus | undefined;
  private readonly exited: Promise<ExitStatus>;

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
  ) {
    keepOutputTail(child, this.output);
    this.exited = new Promise((resolve) => {
      child.on('exit', (code, signal) => {
        this.status = { code, signal };
        resolve(this.status);
      });
      child.on('error', (error) => {
        this.output.push(`spawn error: ${error.message}`);
        this.status = { code: -1, signal: null };
        resolve(this.status);
      });
    });
  }

  static start(
    name: string,
    command: string,
    args: string[],
    options: { env: NodeJS.ProcessEnv; cwd: string; keepStdout?: boolean },
  ): NativeProcess {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      detached: true,
      stdio: ['ignore', options.keepStdout === false ? 'ignore' : 'pipe', 'pipe'],
    });
    return new NativeProcess(name, child);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return this.status === undefined;
  }

  /** Every whole line of output from now on (stdout and stderr), for output that the kept tail would lose. */
  onLine(listener: (line: string) => void): void {
    for (const stream of [this.child.stdout, this.child.stderr]) {
      let partial = '';
      stream?.on('data', (chunk: Buffer) => {
        const lines = (partial + chunk.toString('utf8')).split('\n');
        partial = lines.pop() ?? '';
        for (const line of lines) listener(line);
      });
    }
  }

  recentOutput(): string {
    return this.output.join('\n');
  }

  assertRunning(): void {
    if (this.status) {
      throw new Error(`${this.name} exited (${describeExit(this.status)}); its last output:\n${this.recentOutput()}`);
    }
  }

  /** Waits for the exit; after `timeoutMs` the process group is killed and this rejects. */
  async wait(timeoutMs: number): Promise<ExitStatus> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    const result = await Promise.race([this.exited, timeout]);
    clearTimeout(timer);
    if (result === 'timeout') {
      await this.stop(1_000);
      throw new Error(`${this.name} did not finish within ${timeoutMs} ms; its last output:\n${this.recentOutput()}`);
    }
    return result;
  }

  /** SIGTERM to the process group, then SIGKILL if it has not exited within `graceMs`. */
  async stop(graceMs = 5_000): Promise<void> {
    const pid = this.child.pid;
    if (this.status || pid === undefined) return;
    const signalGroup = (signal: NodeJS.Signals): void => {
      try {
        process.kill(-pid, signal);
      } catch {
        // The group is already gone.
      }
    };
    signalGroup('SIGTERM');
    const timer = setTimeout(() => signalGroup('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
    // Workers that outlived their parent (they should not): make sure nothing of the group is left.
    signalGroup('SIGKILL');
  }
}

export function describeExit(status: ExitStatus): string {
  return status.signal ? `signal ${status.signal}` : `code ${String(status.code)}`;
}

async function udpPortFree(port: number): Promise<boolean> {
  const socket = createSocket({ type: 'udp4', reuseAddr: false });
  try {
    socket.bind(port, '0.0.0.0');
    await Promise.race([
      once(socket, 'listening'),
      once(socket, 'error').then(([error]: unknown[]) => Promise.reject(error)),
    ]);
    return true;
  } catch {
    return false;
  } finally {
    socket.close();
  }
}

/**
 * Hands out ports that were free for TCP on 127.0.0.1 and for UDP on every address a moment ago (SIPp binds its
 * control port on 0.0.0.0 whatever -i says), never the same one twice in a run. `span` reserves port, port + 2,
 * ... (SIPp's media port -mp also binds mp + 2).
 */
export class PortPool {
  private readonly used = new Set<number>();

  async take(span = 1): Promise<number> {
    for (let attempt = 0; attempt < 200; attempt++) {
      const port = await freePort();
      const wanted = Array.from({ length: span }, (_, i) => port + 2 * i);
      if (wanted.some((candidate) => candidate > 65_535 || this.used.has(candidate))) continue;
      let free = true;
      for (const candidate of wanted) {
        if (!(await udpPortFree(candidate))) {
          free = false;
          break;
        }
      }
      if (!free) continue;
      for (const candidate of wanted) this.used.add(candidate);
      return port;
    }
    throw new Error('could not find a free UDP/TCP port');
  }
}

/** Sends SIP OPTIONS over UDP until `port` answers 200 (both configurations answer keepalives themselves). */
export async function waitForSip(
  name: string,
  port: number,
  processToWatch: NativeProcess,
  timeoutMs = 20_000,
): Promise<void> {
  const socket = createSocket('udp4');
  socket.bind(0, '127.0.0.1');
  await once(socket, 'listening');
  const localPort = socket.address().port;
  let answered = false;
  socket.on('message', (message: Buffer) => {
    if (message.toString('utf8').startsWith('SIP/2.0 200')) answered = true;
  });
  try {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      processToWatch.assertRunning();
      const tag = randomBytes(6).toString('hex');
      const request = [
        `OPTIONS sip:127.0.0.1:${port} SIP/2.0`,
        `Via: SIP/2.0/UDP 127.0.0.1:${localPort};branch=z9hG4bK${tag};rport`,
        'Max-Forwards: 70',
        `From: <sip:bench@127.0.0.1>;tag=${tag}`,
        `To: <sip:127.0.0.1:${port}>`,
        `Call-ID: ${tag}@127.0.0.1`,
        'CSeq: 1 OPTIONS',
        'Content-Length: 0',
        '',
        '',
      ].join('\r\n');
      socket.send(request, port, '127.0.0.1');
      await sleep(200);
      if (answered) return;
    }
    throw new Error(
      `${name} did not answer OPTIONS on 127.0.0.1:${port} within ${timeoutMs} ms; its output:\n` +
        processToWatch.recentOutput(),
    );
  } finally {
    socket.close();
  }
}

/** What every SIPp benchmark sets up first: a database name, free ports, SIPp tracking and a work directory. */
export interface SipBenchRun {
  readonly database: string;
  readonly ports: PortPool;
  /** Process groups of the SIPp instances started (their CPU is counted as "sipp"). */
  readonly sippGroups: number[];
  readonly track: (child: NativeProcess) => void;
  /** Temporary directory (SIPp files, edge run directories), removed at the end unless BENCH_KEEP=1. */
  readonly work: string;
  /** QUEUE_PREFIX for the run's edges: their events go to a stream of their own, deleted at the end. */
  readonly queuePrefix: string;
}

export function startSipBenchRun(name: string, cleanup: Cleanup): SipBenchRun {
  const sippGroups: number[] = [];
  const work = mkdtempSync(join(tmpdir(), `callwire-bench-${name}-`));
  cleanup.add(`remove ${work}`, async () => {
    if (process.env.BENCH_KEEP === '1') log(`kept ${work} (BENCH_KEEP=1)`);
    else rmSync(work, { recursive: true, force: true });
  });
  const runId = randomBytes(4).toString('hex');
  const queuePrefix = `cwbench-${name}-${runId}`;
  cleanup.add(`delete Redis keys ${queuePrefix}:*`, async () => {
    log(`deleted ${await deleteRedisKeys(queuePrefix)} Redis keys under ${queuePrefix}:`);
  });
  return {
    database: `callwire_bench_${runId}`,
    queuePrefix,
    ports: new PortPool(),
    sippGroups,
    track: (child) => {
      if (child.pid !== undefined) sippGroups.push(child.pid);
    },
    work,
  };
}
