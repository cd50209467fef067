import { randomBytes } from 'node:crypto';
import { type Socket, createSocket } from 'node:dgram';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { SrtpContext } from './srtp';

/** One 20 ms PCMU frame of a 1 kHz tone (8 samples a period: 20 periods, seamless when repeated). */
export const PCMU_TONE_FRAME = Buffer.from(
  Array.from({ length: 160 }, (_, i) => linearToMulaw(Math.round(8000 * Math.sin((2 * Math.PI * i) / 8)))),
);

/** G.711 mu-law encoding of a 16-bit sample. */
function linearToMulaw(sample: number): number {
  const BIAS = 0x84;
  const sign = sample < 0 ? 0x80 : 0;
  const magnitude = Math.min(Math.abs(sample), 32635) + BIAS;
  let exponent = 7;
  for (let mask = 0x4000; (magnitude & mask) === 0 && exponent > 0; mask >>= 1) exponent--;
  const mantissa = (magnitude >> (exponent + 3)) & 0x0f;
  return ~(sign | (exponent << 4) | mantissa) & 0xff;
}

/**
 * What a receiver measured over the window: packets, losses (sequence gaps) and jitter: RFC 3550's smoothed
 * transit variation, with each packet's transit from the moment its source packet was sent (the k-th packet
 * received came from the k-th sent: rtpengine forwards 1:1 and in order), so that the generator's own timer
 * delays on a busy machine do not count as the relay's jitter.
 */
export interface StreamStats {
  readonly received: number;
  /** Packets this endpoint sent in the window (not counting echoes). */
  readonly sent: number;
  readonly lost: number;
  readonly jitterMs: number;
}

/**
 * A media endpoint: a UDP socket that sends RTP (plain or SRTP) every 20 ms when its scheduler ticks it, or
 * echoes what it receives with its own header (`echo`), and measures what it receives (loss, jitter).
 */
export class Endpoint {
  private seq = randomBytes(2).readUInt16BE(0) & 0x7fff;
  private timestamp = randomBytes(4).readUInt32BE(0);
  private readonly ssrc = randomBytes(4).readUInt32BE(0);
  private srtp: SrtpContext | undefined;
  private remotePort = 0;
  private measuring = false;
  private received = 0;
  private baseSeq = -1;
  private highestSeq = -1;
  private jitter = 0;
  private lastTransit: number | undefined;
  private receivedTotal = 0;
  private sentInWindow = 0;
  /** When each packet was sent (performance.now()), from the first. */
  private readonly sendLog: number[] = [];
  /** Whose packets arrive here, k-th for k-th (a round trip of its own for an echoed stream). */
  source: Endpoint = this;

  private constructor(
    private readonly socket: Socket,
    readonly port: number,
    /** Timestamp step per packet (20 ms) of what this endpoint sends. */
    private readonly step: number,
    private readonly echo: boolean,
  ) {
    socket.on('message', (packet: Buffer) => this.receive(packet));
  }

  static async open(options: { step: number; echo?: boolean }): Promise<Endpoint> {
    const socket = createSocket('udp4');
    socket.bind(0, '127.0.0.1');
    await once(socket, 'listening');
    return new Endpoint(socket, socket.address().port, options.step, options.echo ?? false);
  }

  /** Where rtpengine takes this endpoint's media; `key`: the SRTP master key and salt it sends with. */
  connect(remotePort: number, key?: Buffer): void {
    this.remotePort = remotePort;
    this.srtp = key && new SrtpContext(key);
  }

  /** Sends one 20 ms packet with `payload` (a sender; echoing endpoints send from receive()). */
  send(payload: Buffer): void {
    const header = Buffer.alloc(12);
    header[0] = 0x80;
    header[1] = this.echo ? 96 : 0;
    header.writeUInt16BE(this.seq, 2);
    header.writeUInt32BE(this.timestamp >>> 0, 4);
    header.writeUInt32BE(this.ssrc, 8);
    this.seq = (this.seq + 1) & 0xffff;
    this.timestamp = (this.timestamp + this.step) >>> 0;
    if (!this.echo) this.sendLog.push(performance.now());
    if (!this.echo && this.measuring) this.sentInWindow++;
    const rtp = Buffer.concat([header, payload]);
    this.socket.send(this.srtp ? this.srtp.protect(rtp) : rtp, this.remotePort, '127.0.0.1');
  }

  startMeasuring(): void {
    this.measuring = true;
    this.received = 0;
    this.sentInWindow = 0;
    this.baseSeq = -1;
    this.highestSeq = -1;
    this.jitter = 0;
    this.lastTransit = undefined;
  }

  stats(): StreamStats {
    this.measuring = false;
    const expected = this.highestSeq < 0 ? 0 : this.highestSeq - this.baseSeq + 1;
    return {
      received: this.received,
      sent: this.sentInWindow,
      lost: Math.max(0, expected - this.received),
      jitterMs: this.jitter,
    };
  }

  close(): void {
    this.socket.close();
  }

  private receive(packet: Buffer): void {
    if (packet.length < 12) return;
    if (this.echo && this.remotePort) this.send(packet.subarray(12));
    const sentAt = this.source.sendLog[this.receivedTotal++];
    if (!this.measuring) return;
    let seq = packet.readUInt16BE(2);
    if (this.baseSeq < 0) {
      this.baseSeq = seq;
      this.highestSeq = seq;
    } else {
      // Extended sequence number: a wrap past 65535 continues upward.
      while (seq < this.highestSeq - 32768) seq += 65536;
      if (seq > this.highestSeq) this.highestSeq = seq;
    }
    this.received++;
    if (sentAt === undefined) return;
    const transit = performance.now() - sentAt;
    if (this.lastTransit !== undefined) this.jitter += (Math.abs(transit - this.lastTransit) - this.jitter) / 16;
    this.lastTransit = transit;
  }
}

/**
 * Ticks every sender once per 20 ms, spread over the period (sender i at i mod 20 ms): the load reaches
 * rtpengine evenly rather than in one burst. Catches up on ticks a busy event loop missed.
 */
export class Scheduler {
  private timer: NodeJS.Timeout | undefined;
  private nextTick = 0;
  private readonly start = performance.now();

  constructor(private readonly senders: readonly (() => void)[]) {}

  run(): void {
    this.timer = setInterval(() => {
      const due = Math.floor(performance.now() - this.start);
      for (; this.nextTick <= due; this.nextTick++) {
        const phase = this.nextTick % 20;
        for (let i = phase; i < this.senders.length; i += 20) this.senders[i]();
      }
    }, 1);
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
