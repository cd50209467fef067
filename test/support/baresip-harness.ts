import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { type Socket, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stopChild } from './child-process';
import { freeSipPort } from './free-port';

/** baresip's media encryption: `srtp` optional (RTP/AVP with a=crypto, OSRTP), `srtp-mand` RTP/SAVP only. */
export type BaresipMediaEncryption = 'srtp' | 'srtp-mand';

export interface BaresipOptions {
  readonly user: string;
  readonly password: string;
  /** The account's SIP domain (the registrar realm). */
  readonly domain: string;
  /** The edge's port for `transport` (UDP/TCP share one, TLS has its own). */
  readonly edgePort: number;
  readonly transport?: 'udp' | 'tcp' | 'tls';
  /** The tone (Hz) this phone sends: its microphone is baresip's sine source. */
  readonly toneHz: number;
  readonly mediaEncryption?: BaresipMediaEncryption;
  /** Audio codecs in order of preference, as baresip names them (PCMU, PCMA, G722, opus). */
  readonly codecs?: readonly string[];
  /** `auto`: every incoming call is answered at once. */
  readonly answerMode?: 'auto' | 'manual';
  /** false: a carrier's gateway, not a phone: it does not register and takes calls on its own port. */
  readonly register?: boolean;
}

/** One event of baresip's ctrl_tcp interface (e.g. REGISTER_OK, CALL_ESTABLISHED, CALL_CLOSED). */
export interface BaresipEvent {
  readonly type: string;
  readonly class?: string;
  readonly param?: string;
  readonly peeruri?: string;
}

/** The module each codec name comes from (baresip-core, Debian). */
const CODEC_MODULES: Record<string, string> = { PCMU: 'g711', PCMA: 'g711', G722: 'g722', opus: 'opus', L16: 'l16' };

/**
 * A real softphone nobody on this project wrote: baresip (Debian's baresip-core), registered with the edge,
 * driven through its ctrl_tcp interface. Its microphone is a sine tone; what it sends and what it decodes
 * are written to WAV files (sndfile module) for the audio analysis. `-s` traces its SIP on stdout.
 */
export class BaresipPhone {
  private log = '';
  private readonly events: BaresipEvent[] = [];
  private readonly waiters: (() => void)[] = [];
  private buffer = Buffer.alloc(0);

  private constructor(
    private readonly child: ChildProcess,
    private readonly control: Socket,
    readonly dir: string,
    readonly options: BaresipOptions,
    /** Where it takes SIP (UDP and TCP; TLS on the next port). */
    readonly sipPort: number,
  ) {
    control.on('data', (chunk: Buffer) => this.read(chunk));
  }

  /**
   * Starts baresip on a free port. It also listens for TLS on the next port, which another process may hold:
   * then it exits at once ("Address already in use") and is started again on other ports.
   */
  static async start(options: BaresipOptions): Promise<BaresipPhone> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await BaresipPhone.startOnce(options);
      } catch (error) {
        if (attempt >= 3 || !String(error).includes('Address already in use')) throw error;
      }
    }
  }

  private static async startOnce(options: BaresipOptions): Promise<BaresipPhone> {
    const dir = mkdtempSync(join(tmpdir(), 'callwire-baresip-'));
    const dumps = join(dir, 'audio');
    mkdirSync(dumps);
    const [sipPort, controlPort] = [await freeSipPort(), await freeSipPort()];
    const codecs = options.codecs ?? ['PCMU', 'PCMA', 'G722', 'opus'];
    const modules = [...new Set(codecs.map((codec) => CODEC_MODULES[codec]))];
    writeFileSync(
      join(dir, 'config'),
      [
        'poll_method epoll',
        `sip_listen 127.0.0.1:${sipPort}`,
        'net_interface 127.0.0.1',
        // The sine source is 48 kHz stereo only; baresip resamples to the codec.
        'ausrc_srate 48000',
        'ausrc_channels 2',
        `audio_source ausine,${options.toneHz}`,
        // aubridge paces playback (20 ms) without a sound card: the decoded audio reaches sndfile in real time.
        'audio_player aubridge,speaker',
        'audio_alert aubridge,alert',
        'module_path /usr/lib/baresip/modules',
        ...modules.map((module) => `module ${module}.so`),
        'module ausine.so',
        'module aubridge.so',
        'module sndfile.so',
        'module srtp.so',
        'module_app account.so',
        'module_app menu.so',
        'module_app ctrl_tcp.so',
        `ctrl_tcp_listen 127.0.0.1:${controlPort}`,
        `snd_path ${dumps}`,
        '',
      ].join('\n'),
    );
    const transport = options.transport ?? 'udp';
    const registers = options.register ?? true;
    const params = [
      `auth_pass=${options.password}`,
      ...(registers ? [`outbound="sip:127.0.0.1:${options.edgePort};transport=${transport}"`] : []),
      `regint=${registers ? 600 : 0}`,
      `answermode=${options.answerMode ?? 'auto'}`,
      `audio_codecs=${codecs.join(',')}`,
      ...(options.mediaEncryption ? [`mediaenc=${options.mediaEncryption}`] : []),
    ];
    const address = registers ? options.domain : `127.0.0.1:${sipPort}`;
    writeFileSync(
      join(dir, 'accounts'),
      `<sip:${options.user}@${address};transport=${transport}>;${params.join(';')}\n`,
    );
    const child = spawn('baresip', ['-f', dir, '-s'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    const control = await connectWithRetry(controlPort, child, () => log).catch((error: unknown) => {
      rmSync(dir, { recursive: true, force: true });
      throw error;
    });
    const phone = new BaresipPhone(child, control, dir, options, sipPort);
    child.stdout?.on('data', (chunk: Buffer) => (phone.log += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (phone.log += chunk.toString()));
    phone.log = log;
    try {
      // Registration may finish before the control connection is up (no REGISTER_OK event then): its log says.
      if (registers) await phone.waitUntil('registered', 10_000, () => /\} 200 OK .*binding/.test(phone.log));
    } catch (error) {
      await phone.stop();
      throw error;
    }
    return phone;
  }

  /** Everything baresip printed: its log and its SIP trace. */
  get output(): string {
    return this.log;
  }

  /** Sends a ctrl_tcp command (e.g. `dial`, `hangup`, `accept`). */
  command(command: string, params = ''): void {
    const body = JSON.stringify({ command, params, token: command });
    this.control.write(`${Buffer.byteLength(body)}:${body},`);
  }

  dial(uri: string): void {
    this.command('dial', uri);
  }

  hangup(): void {
    this.command('hangup');
  }

  /** Resolves with the first event of `type` since the phone started (or the next one, `after` events seen). */
  async waitForEvent(type: string, timeoutMs = 15_000, after = 0): Promise<BaresipEvent> {
    const find = () => this.events.slice(after).find((event) => event.type === type);
    await this.waitUntil(type, timeoutMs, () => find() !== undefined);
    const event = find();
    if (!event) throw new Error(`baresip: no ${type}`);
    return event;
  }

  /** Waits until `done()` holds, re-checking on every event and at least every 250 ms. */
  private async waitUntil(what: string, timeoutMs: number, done: () => boolean): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (done()) return;
      if (this.child.exitCode !== null)
        throw new Error(`baresip exited waiting for ${what}:\n${this.log.slice(-4000)}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`baresip: not ${what} within ${timeoutMs} ms:\n${this.log.slice(-4000)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 250));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Events seen so far (their count is the `after` of a later waitForEvent). */
  eventCount(): number {
    return this.events.length;
  }

  /** The WAV files of the last call: what the phone sent (`enc`) and what it decoded from the far end (`dec`). */
  recordings(): { sent: string; received: string } {
    const dumps = join(this.dir, 'audio');
    const files = readdirSync(dumps).sort();
    const last = (suffix: string) => {
      const file = files.filter((name) => name.endsWith(`-${suffix}.wav`)).pop();
      if (!file) throw new Error(`baresip recorded no ${suffix} audio (files: ${files.join(', ')})`);
      return join(dumps, file);
    };
    return { sent: last('enc'), received: last('dec') };
  }

  /** The SIP messages of the trace whose start line matches `startLine` (e.g. /^SIP\/2.0 200/), with their bodies. */
  sipMessages(startLine: RegExp): string[] {
    return this.log
      .split(/\n(?=(?:[A-Z]+ sip:|SIP\/2\.0 \d{3}))/)
      .filter((message) => startLine.test(message))
      .map((message) => message.replace(/\r/g, ''));
  }

  /** Stops baresip (it unregisters on SIGTERM) and removes its files. */
  async stop(): Promise<void> {
    this.control.destroy();
    await stopChild(this.child);
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** ctrl_tcp frames are netstrings (`<length>:<json>,`): responses and events. */
  private read(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const colon = this.buffer.indexOf(':');
      if (colon < 0) return;
      const length = Number(this.buffer.subarray(0, colon).toString());
      if (this.buffer.length < colon + 1 + length + 1) return;
      const body = this.buffer.subarray(colon + 1, colon + 1 + length).toString();
      this.buffer = this.buffer.subarray(colon + 1 + length + 1);
      const message = JSON.parse(body) as { event?: boolean } & BaresipEvent;
      if (message.event) {
        this.events.push(message);
        this.waiters.splice(0).forEach((wake) => wake());
      }
    }
  }
}

async function connectWithRetry(port: number, child: ChildProcess, log: () => string): Promise<Socket> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline && child.exitCode === null) {
    const socket = await new Promise<Socket | null>((resolve) => {
      const attempt = connect(port, '127.0.0.1');
      attempt.once('connect', () => resolve(attempt));
      attempt.once('error', () => resolve(null));
    });
    if (socket) return socket;
    await new Promise((r) => setTimeout(r, 100));
  }
  await stopChild(child);
  throw new Error(`baresip did not start:\n${log()}`);
}
