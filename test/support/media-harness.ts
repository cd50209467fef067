import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { stopChild } from './child-process';
import { freeSipPort } from './free-port';
import { ROOT } from './test-run';

/** The call ids of a bencoded ng `list` reply: `d5:callsl<len>:<id>…e6:result2:oke`. */
function callIdsOf(reply: string): string[] {
  const start = reply.indexOf('5:callsl');
  if (start < 0) throw new Error(`unexpected ng reply: ${reply}`);
  const ids: string[] = [];
  let at = start + '5:callsl'.length;
  while (reply[at] !== 'e') {
    const colon = reply.indexOf(':', at);
    const length = Number(reply.slice(at, colon));
    ids.push(reply.slice(colon + 1, colon + 1 + length));
    at = colon + 1 + length;
  }
  return ids;
}

/** A port block for RTP that no other harness of this run picks (SIP ports come from 20000-50000). */
function rtpPortRange(): { min: number; max: number } {
  const min = 50000 + Math.floor(Math.random() * 150) * 100;
  return { min, max: min + 99 };
}

/** The real rtpengine (infra/scripts/rtpengine.sh, userspace) with its own ng, CLI and RTP ports. */
export class RtpengineHarness {
  private child: ChildProcess | undefined;
  private log = '';

  private constructor(readonly ngPort: number) {}

  static async start(): Promise<RtpengineHarness> {
    const media = new RtpengineHarness(await freeSipPort());
    await media.launch();
    return media;
  }

  private async launch(): Promise<void> {
    const { min, max } = rtpPortRange();
    const child = spawn('bash', [resolve(ROOT, 'infra/scripts/rtpengine.sh')], {
      env: {
        ...process.env,
        SIP_LISTEN_IP: '127.0.0.1',
        RTPENGINE_NG_PORT: String(this.ngPort),
        RTP_PORT_MIN: String(min),
        RTP_PORT_MAX: String(max),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => (this.log += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.log += chunk.toString()));
    this.child = child;
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && child.exitCode === null) {
      if ((await this.sessions().catch(() => null)) !== null) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    await this.stop();
    throw new Error(`rtpengine did not start:\n${this.log}`);
  }

  /** Media sessions rtpengine holds now (the ng protocol's `list` command). */
  async sessions(): Promise<number> {
    return (await this.callIds()).length;
  }

  async callIds(): Promise<string[]> {
    const socket = createSocket('udp4');
    try {
      const cookie = randomBytes(6).toString('hex');
      socket.send(`${cookie} d7:command4:list5:limiti1000ee`, this.ngPort, '127.0.0.1');
      const reply = await Promise.race([
        once(socket, 'message').then(([data]) => String(data)),
        new Promise<never>((_, fail) => setTimeout(() => fail(new Error('rtpengine did not answer')), 500)),
      ]);
      return callIdsOf(reply.slice(cookie.length + 1));
    } finally {
      socket.close();
    }
  }

  output(): string {
    return this.log;
  }

  stop(): Promise<void> {
    return stopChild(this.child);
  }
}

/** Does rtpengine answer an ng `ping` with `pong` on 127.0.0.1:`ngPort` within 1 s? */
export async function rtpenginePing(ngPort: number): Promise<boolean> {
  const socket = createSocket('udp4');
  try {
    socket.send('ping d7:command4:pinge', ngPort, '127.0.0.1');
    const reply = await Promise.race([
      once(socket, 'message').then(([data]) => String(data)),
      new Promise<string>((done) => setTimeout(() => done(''), 1000)),
    ]);
    return reply === 'ping d6:result4:ponge';
  } finally {
    socket.close();
  }
}

/** The real coturn (infra/scripts/coturn.sh) on its own TURN port and relay port range. */
export class CoturnHarness {
  private log = '';

  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
  ) {}

  /** `env`: extra settings, e.g. TURN_ALLOWED_PEER_IPS. */
  static async start(env: Record<string, string> = {}): Promise<CoturnHarness> {
    const port = await freeSipPort();
    const relay = rtpPortRange();
    const child = spawn('bash', [resolve(ROOT, 'infra/scripts/coturn.sh')], {
      env: {
        ...process.env,
        SIP_LISTEN_IP: '127.0.0.1',
        TURN_PORT: String(port),
        TURN_RELAY_PORT_MIN: String(relay.min),
        TURN_RELAY_PORT_MAX: String(relay.max),
        COTURN_RUN_DIR: mkdtempSync(join(tmpdir(), 'callwire-coturn-')),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const turn = new CoturnHarness(child, port);
    child.stdout?.on('data', (chunk: Buffer) => (turn.log += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (turn.log += chunk.toString()));
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && child.exitCode === null) {
      if (await tcpListening(port)) return turn;
      await new Promise((r) => setTimeout(r, 100));
    }
    await stopChild(child);
    throw new Error(`coturn did not start:\n${turn.log}`);
  }

  output(): string {
    return this.log;
  }

  stop(): Promise<void> {
    return stopChild(this.child);
  }
}

function tcpListening(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}
