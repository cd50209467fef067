import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { stopChild } from './child-process';
import { GiveUp, eventually } from './eventually';
import { freeSipPort } from './free-port';
import { RtpengineHarness } from './media-harness';
import { ROOT } from './test-run';

/** The real SIP edge (infra/scripts/kamailio.sh) on its own ports, with its own rtpengine, against the test database. */
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
    /** The WebRTC media gateway this edge drives. */
    readonly media: RtpengineHarness,
    private readonly env: Record<string, string>,
  ) {}

  /** `env`: extra settings, e.g. where the platform's routing endpoint is (EDGE_API_ROUTES_URL). */
  static async start(env: Record<string, string> = {}): Promise<KamailioHarness> {
    const [port, rpcPort, tlsPort, wssPort] = [
      await freeSipPort(),
      await freeSipPort(),
      await freeSipPort(),
      await freeSipPort(),
    ];
    const edge = new KamailioHarness(port, rpcPort, tlsPort, wssPort, await RtpengineHarness.start(), env);
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
        // Every edge process holds a PostgreSQL connection: test edges keep to a few.
        EDGE_ASYNC_WORKERS: '2',
        EDGE_AUTH_SECRET: this.authSecret,
        EDGE_RUN_DIR: this.runDir,
        RTPENGINE_NG_PORT: String(this.media.ngPort),
        ...this.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => (this.log += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.log += chunk.toString()));
    this.child = child;
    try {
      await eventually(
        () => {
          if (child.exitCode !== null) throw new GiveUp(`it exited with ${child.exitCode}`);
          return this.answersKeepalive();
        },
        { timeoutMs: 15_000, description: `the edge on ${this.port} to answer OPTIONS` },
      );
    } catch (error) {
      await this.stopEdge();
      throw new Error(`kamailio did not start on ${this.port} (${(error as Error).message}):\n${this.log}`);
    }
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

  /** Everything the edge has written to stdout and stderr since its last (re)start. */
  get output(): string {
    return this.log;
  }

  async restart(): Promise<void> {
    await this.stopEdge();
    await this.launch();
  }

  /** Stops the edge and its media gateway. */
  async stop(): Promise<void> {
    await this.stopEdge();
    await this.media.stop();
  }

  /** Stops the edge only (the media gateway keeps running, as in a restart). */
  stopEdge(): Promise<void> {
    return stopChild(this.child);
  }
}

export interface SippResult {
  readonly exitCode: number | null;
  readonly output: string;
}

export type CallOutcome = 'answer' | 'hungup' | 'reject' | 'cancel';
const CALL_OUTCOMES: CallOutcome[] = ['answer', 'hungup', 'reject', 'cancel'];

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
  readonly scenario:
    | 'register'
    | 'options-uac'
    | 'options-uas'
    | 'caller'
    | 'callee'
    | 'carrier'
    | 'carrier-registrar'
    | 'gateway-auth'
    | 'early-media'
    | 'dtmf-info-callee';
  /** The address SIPp sends from (a carrier's, for the edge's address checks); 127.0.0.1 by default. */
  readonly localIp?: string;
  /** For caller/callee: which ending of the scenario to keep. */
  readonly outcome?: CallOutcome;
  readonly edgePort: number;
  readonly transport?: 'udp' | 'tcp';
  readonly localPort?: number;
  readonly final?: number;
  readonly keys?: Record<string, string>;
  readonly auth?: { readonly username: string; readonly password: string };
  readonly timeoutSeconds?: number;
  /** Echo the RTP it receives back to the sender (SIPp -rtp_echo on its own media port). */
  readonly rtpEcho?: boolean;
  /** For caller/answer: how long the call stays up before SIPp sends BYE (default 200 ms). */
  readonly holdMs?: number;
  /** For callee: how long an answered call may last before its BYE (default 25 s). */
  readonly byeWaitMs?: number;
  /** For caller: the RTP port its SDP offers (default SIPp's own media port). */
  readonly offerRtpPort?: number;
  /** For callee/answer: send a PCMA recording to the caller's SDP address once the call is up. */
  readonly playAudio?: boolean;
  /** For early-media: the RTP (pcap file) it plays to the caller's SDP address after its 183. */
  readonly playPcap?: string;
}

const RECORDING = '/usr/share/sip-tester/g711a.pcap';

/** Runs one SIPp call (real SIP on loopback) and resolves when SIPp exits: 0 = the scenario passed. */
export async function runSipp(run: SippRun): Promise<SippResult & { localPort: number }> {
  const localPort = run.localPort ?? (await freeSipPort());
  const controlPort = await freeSipPort();
  let scenario = readFileSync(resolve(ROOT, 'test/sipp', `${run.scenario}.xml`), 'utf8');
  scenario = selectOutcome(scenario, run.outcome);
  // A callee that rejects answers 486 unless told otherwise.
  const final = run.final ?? (run.scenario === 'callee' ? 486 : undefined);
  if (final !== undefined) scenario = scenario.replaceAll('__FINAL__', String(final));
  scenario = scenario
    .replaceAll('__HOLD_MS__', String(run.holdMs ?? 200))
    .replaceAll('__BYE_WAIT_MS__', String(run.byeWaitMs ?? 25_000))
    .replaceAll('__CALLER_RTP_PORT__', run.offerRtpPort === undefined ? '[media_port]' : String(run.offerRtpPort))
    .replaceAll(
      '__PLAY_AUDIO__',
      run.playAudio ? `<nop><action><exec play_pcap_audio="${RECORDING}" /></action></nop>` : '',
    )
    .replaceAll('__PCAP__', run.playPcap ?? RECORDING);
  const scenarioFile = join(mkdtempSync(join(tmpdir(), 'callwire-sipp-')), `${run.scenario}.xml`);
  writeFileSync(scenarioFile, scenario);

  const args = [
    `127.0.0.1:${run.edgePort}`,
    ...['-sf', scenarioFile, '-i', run.localIp ?? '127.0.0.1', '-p', String(localPort), '-cp', String(controlPort)],
    // -aa: OPTIONS, INFO, NOTIFY and UPDATE inside a call get 200, as from a real phone (the edge's keepalives).
    ...['-m', '1', '-t', run.transport === 'tcp' ? 't1' : 'u1', '-nostdin', '-nd', '-aa'],
    ...['-timeout', `${run.timeoutSeconds ?? 10}s`, '-timeout_error', '-recv_timeout', '5000'],
  ];
  for (const [key, value] of Object.entries({ transport: run.transport === 'tcp' ? 'TCP' : 'UDP', ...run.keys })) {
    args.push('-key', key, value);
  }
  if (run.auth) args.push('-au', run.auth.username, '-ap', run.auth.password);
  if (run.rtpEcho) args.push('-rtp_echo', '-mp', String(await freeSipPort()));
  else if (run.playPcap) args.push('-mp', String(await freeSipPort()));

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
  let exited: SippResult | undefined;
  const done = runSipp({ ...run, localPort }).then((result) => (exited = result));
  const transport = run.transport ?? 'udp';
  await eventually(
    () => {
      if (exited) {
        const { exitCode, output } = exited;
        throw new GiveUp(`SIPp (${run.scenario}) exited (${exitCode}) before it listened on ${localPort}:\n${output}`);
      }
      return boundLocally(transport, localPort);
    },
    { timeoutMs: 10_000, intervalMs: 20, description: `SIPp (${run.scenario}) to listen on ${transport} ${localPort}` },
  );
  return { localPort, done };
}

/**
 * True once a socket of this machine is bound to `port` (a listening one for TCP). Read from /proc/net: a probe
 * that bound the port itself could take it from the process that is about to.
 */
function boundLocally(transport: 'udp' | 'tcp', port: number): boolean {
  const suffix = `:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  const TCP_LISTEN = '0A';
  return readFileSync(`/proc/net/${transport}`, 'utf8')
    .split('\n')
    .slice(1)
    .some((line) => {
      const [, local, , state] = line.trim().split(/\s+/);
      return local?.endsWith(suffix) && (transport === 'udp' || state === TCP_LISTEN);
    });
}

/**
 * A SIP phone (SIPp) that registers `user` from its own port, then takes one call there as `outcome` says.
 * `finish()` waits for the call's scenario and unregisters: a stale contact would fork the next call.
 */
export async function startRegisteredCallee(phone: {
  readonly edgePort: number;
  readonly user: string;
  readonly domain: string;
  readonly password: string;
  readonly outcome: CallOutcome;
  readonly rtpEcho?: boolean;
  readonly playAudio?: boolean;
  /** How long the callee may wait for its call to end (default 30 s). */
  readonly timeoutSeconds?: number;
}): Promise<{ readonly done: Promise<SippResult>; finish(): Promise<SippResult> }> {
  const register = (expires: number, localPort?: number) =>
    runSipp({
      scenario: 'register',
      final: 200,
      edgePort: phone.edgePort,
      localPort,
      keys: { user: phone.user, domain: phone.domain, expires: String(expires) },
      auth: { username: phone.user, password: phone.password },
    });
  const registration = await register(60);
  if (registration.exitCode !== 0) throw new Error(`${phone.user} did not register:\n${registration.output}`);
  const callee = await startSippUas({
    scenario: 'callee',
    outcome: phone.outcome,
    edgePort: phone.edgePort,
    localPort: registration.localPort,
    keys: { user: phone.user, domain: phone.domain },
    rtpEcho: phone.rtpEcho,
    playAudio: phone.playAudio,
    timeoutSeconds: phone.timeoutSeconds ?? 30,
    byeWaitMs: phone.timeoutSeconds && phone.timeoutSeconds * 1000,
  });
  return {
    done: callee.done,
    finish: async () => {
      const result = await callee.done;
      const unregistered = await register(0, registration.localPort);
      if (unregistered.exitCode !== 0) throw new Error(`${phone.user} did not unregister:\n${unregistered.output}`);
      return result;
    },
  };
}
