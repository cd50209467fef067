import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freeSipPort } from './free-port';
import { ROOT } from './test-run';

/** The real SIP edge (infra/scripts/kamailio.sh) on its own port, against the test database. */
export class KamailioHarness {
  private child: ChildProcess | undefined;
  private log = '';
  private readonly runDir = mkdtempSync(join(tmpdir(), 'callwire-kamailio-'));
  private readonly authSecret = randomBytes(24).toString('base64url');

  private constructor(
    readonly port: number,
    /** JSON-RPC control port (the worker reaches it through EDGE_RPC_PORT). */
    readonly rpcPort: number,
    readonly tlsPort: number,
    readonly wssPort: number,
  ) {}

  static async start(): Promise<KamailioHarness> {
    const [port, rpcPort, tlsPort, wssPort] = [
      await freeSipPort(),
      await freeSipPort(),
      await freeSipPort(),
      await freeSipPort(),
    ];
    const edge = new KamailioHarness(port, rpcPort, tlsPort, wssPort);
    await edge.launch();
    return edge;
  }

  async launch(): Promise<void> {
    this.log = '';
    const child = spawn('bash', [resolve(ROOT, 'infra/scripts/kamailio.sh')], {
      env: {
        ...process.env,
        SIP_LISTEN_IP: '127.0.0.1',
        SIP_PORT: String(this.port),
        SIP_MIN_EXPIRES: '1',
        SIP_NO_ANSWER_MS: '2000',
        EDGE_RPC_PORT: String(this.rpcPort),
        SIP_TLS_PORT: String(this.tlsPort),
        SIP_WSS_PORT: String(this.wssPort),
        EDGE_CHILDREN: '2',
        EDGE_AUTH_SECRET: this.authSecret,
        EDGE_RUN_DIR: this.runDir,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => (this.log += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.log += chunk.toString()));
    this.child = child;
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) break;
      if (await this.answersKeepalive()) return;
    }
    await this.stop();
    throw new Error(`kamailio did not start on ${this.port}:\n${this.log}`);
  }

  /** Sends an OPTIONS keepalive over UDP; true when the edge answers 200. */
  private async answersKeepalive(): Promise<boolean> {
    const socket = createSocket('udp4');
    try {
      await new Promise<void>((done) => socket.bind(0, '127.0.0.1', done));
      const { port } = socket.address();
      const message = [
        `OPTIONS sip:127.0.0.1:${this.port} SIP/2.0`,
        `Via: SIP/2.0/UDP 127.0.0.1:${port};branch=z9hG4bK${randomBytes(6).toString('hex')};rport`,
        'Max-Forwards: 70',
        `From: <sip:probe@127.0.0.1>;tag=${randomBytes(4).toString('hex')}`,
        `To: <sip:127.0.0.1:${this.port}>`,
        `Call-ID: ${randomBytes(8).toString('hex')}`,
        'CSeq: 1 OPTIONS',
        'Content-Length: 0',
        '',
        '',
      ].join('\r\n');
      socket.send(message, this.port, '127.0.0.1');
      const reply = await Promise.race([
        once(socket, 'message').then(([data]) => String(data)),
        new Promise<string>((done) => setTimeout(() => done(''), 200)),
      ]);
      return reply.startsWith('SIP/2.0 200');
    } finally {
      socket.close();
    }
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.launch();
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }
}

export interface SippResult {
  readonly exitCode: number | null;
  readonly output: string;
}

export type CallOutcome = 'answer' | 'reject' | 'cancel';
const CALL_OUTCOMES: CallOutcome[] = ['answer', 'reject', 'cancel'];

/** Keeps the chosen <!--outcome--> … <!--/outcome--> block of a scenario and drops the others. */
function selectOutcome(scenario: string, outcome: CallOutcome | undefined): string {
  return CALL_OUTCOMES.reduce(
    (text, candidate) =>
      text.replace(new RegExp(`<!--${candidate}-->([\\s\\S]*?)<!--/${candidate}-->`), (_, block: string) =>
        candidate === outcome ? block : '',
      ),
    scenario,
  );
}

/** Options for one SIPp run; `final` is the response the scenario must end with. */
export interface SippRun {
  readonly scenario: 'register' | 'options-uac' | 'options-uas' | 'caller' | 'callee';
  /** For caller/callee: which ending of the scenario to keep. */
  readonly outcome?: CallOutcome;
  readonly edgePort: number;
  readonly transport?: 'udp' | 'tcp';
  readonly localPort?: number;
  readonly final?: number;
  readonly keys?: Record<string, string>;
  readonly auth?: { readonly username: string; readonly password: string };
  readonly timeoutSeconds?: number;
}

/** Runs one SIPp call (real SIP on loopback) and resolves when SIPp exits: 0 = the scenario passed. */
export async function runSipp(run: SippRun): Promise<SippResult & { localPort: number }> {
  const localPort = run.localPort ?? (await freeSipPort());
  const controlPort = await freeSipPort();
  let scenario = readFileSync(resolve(ROOT, 'test/sipp', `${run.scenario}.xml`), 'utf8');
  scenario = selectOutcome(scenario, run.outcome);
  if (run.final !== undefined) scenario = scenario.replaceAll('__FINAL__', String(run.final));
  const scenarioFile = join(mkdtempSync(join(tmpdir(), 'callwire-sipp-')), `${run.scenario}.xml`);
  writeFileSync(scenarioFile, scenario);

  const args = [
    `127.0.0.1:${run.edgePort}`,
    ...['-sf', scenarioFile, '-i', '127.0.0.1', '-p', String(localPort), '-cp', String(controlPort)],
    ...['-m', '1', '-t', run.transport === 'tcp' ? 't1' : 'u1', '-nostdin', '-nd'],
    ...['-timeout', `${run.timeoutSeconds ?? 10}s`, '-timeout_error', '-recv_timeout', '5000'],
  ];
  for (const [key, value] of Object.entries({ transport: run.transport === 'tcp' ? 'TCP' : 'UDP', ...run.keys })) {
    args.push('-key', key, value);
  }
  if (run.auth) args.push('-au', run.auth.username, '-ap', run.auth.password);

  const child = spawn('sipp', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const [exitCode] = (await once(child, 'exit')) as [number | null];
  return { exitCode, output, localPort };
}

/** Starts a SIPp process that waits for one request; await `done` for its result. */
export async function startSippUas(run: SippRun): Promise<{ localPort: number; done: Promise<SippResult> }> {
  const localPort = run.localPort ?? (await freeSipPort());
  const done = runSipp({ ...run, localPort });
  await new Promise((r) => setTimeout(r, 300)); // let SIPp bind its port
  return { localPort, done };
}
