import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { type Socket, createSocket } from 'node:dgram';
import { isIPv6 } from 'node:net';
import { CALLWIRE_CONFIG, type CallwireConfig } from '@callwire/config';
import { constantTimeEquals } from '@callwire/auth';
import { type CapturedSipMessage, SipMessagesRepository } from '@callwire/database';
import { summarizeSipMessage } from '@callwire/sip';
import { HEP_PAYLOAD_SIP, parseHep3 } from './hep';

/** Not calls: registrations, keep-alives and health checks would drown the ladders and the table. */
const NOT_CALL_METHODS = new Set(['REGISTER', 'OPTIONS', 'SUBSCRIBE', 'PUBLISH', 'MESSAGE']);
/** Messages are written in batches: at most this often, or as soon as this many wait. */
const FLUSH_INTERVAL_MS = 250;
const BATCH_SIZE = 500;
/** With PostgreSQL unreachable, capture stops growing memory here (and counts what it dropped). */
const MAX_PENDING = 20_000;
const RETENTION_SWEEP_MS = 10 * 60_000;
const DELETE_BATCH = 5_000;

/**
 * The edge's SIP capture agent (Kamailio siptrace) mirrors every message it sends or receives as HEP v3 over
 * UDP; this keeps the call-related ones in sip_messages, per Call-ID, for SIP_TRACE_RETENTION_HOURS. Only one
 * worker process can own the port: the others leave capture to it.
 */
@Injectable()
export class SipTraceCollector implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SipTraceCollector.name);
  private socket: Socket | null = null;
  private pending: CapturedSipMessage[] = [];
  private writing: Promise<void> = Promise.resolve();
  private timers: NodeJS.Timeout[] = [];
  private dropped = 0;
  /** Packets without the edge's key since the last report. */
  private rejected = 0;

  constructor(
    @Inject(CALLWIRE_CONFIG) private readonly config: CallwireConfig,
    private readonly messages: SipMessagesRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { collectorHost: host, collectorPort: port } = this.config.sipTrace;
    this.timers.push(setInterval(() => void this.sweep(), RETENTION_SWEEP_MS).unref());
    if (port === 0) return;
    const socket = createSocket(isIPv6(host) ? 'udp6' : 'udp4');
    socket.on('message', (datagram) => this.accept(datagram));
    const bound = await new Promise<boolean>((resolve) => {
      socket.once('error', (error: NodeJS.ErrnoException) => {
        this.logger.warn(`SIP capture not collected here: ${host}:${port} ${error.code ?? error.message}`);
        resolve(false);
      });
      socket.bind(port, host, () => resolve(true));
    });
    if (!bound) {
      socket.close();
      return;
    }
    socket.on('error', (error) => this.logger.warn(`SIP capture socket: ${error.message}`));
    this.socket = socket;
    this.timers.push(setInterval(() => void this.flush(), FLUSH_INTERVAL_MS).unref());
    this.logger.log(`collecting the edge's SIP capture (HEP) on udp ${host}:${port}`);
  }

  /** One datagram from the edge: kept when it is a SIP message of a call. */
  accept(datagram: Buffer): void {
    const packet = parseHep3(datagram);
    if (!packet || packet.payloadType !== HEP_PAYLOAD_SIP) return;
    if (!constantTimeEquals(packet.authKey, this.config.sipTrace.authKey)) {
      this.rejected++;
      return;
    }
    const summary = summarizeSipMessage(packet.payload);
    if (!summary || NOT_CALL_METHODS.has(summary.cseqMethod)) return;
    if (this.pending.length >= MAX_PENDING) {
      this.dropped++;
      return;
    }
    this.pending.push({
      sipCallId: summary.callId,
      capturedAtUs: packet.capturedAtUs,
      sourceIp: packet.sourceIp,
      sourcePort: packet.sourcePort,
      destinationIp: packet.destinationIp,
      destinationPort: packet.destinationPort,
      transport: summary.transport,
      method: summary.method,
      statusCode: summary.statusCode,
      reasonPhrase: summary.reasonPhrase,
      cseq: summary.cseq,
      payload: packet.payload,
    });
    if (this.pending.length >= BATCH_SIZE) void this.flush();
  }

  /** Writes what is waiting; batches go one after the other. */
  flush(): Promise<void> {
    this.writing = this.writing.then(async () => {
      while (this.pending.length > 0) {
        const batch = this.pending.splice(0, BATCH_SIZE);
        try {
          await this.messages.insertMany(batch);
        } catch (error) {
          this.dropped += batch.length;
          this.logger.warn(`SIP capture: ${batch.length} messages not stored: ${String(error)}`);
        }
      }
      if (this.rejected > 0) {
        this.logger.warn(`SIP capture: ${this.rejected} HEP packets without the right SIP_TRACE_AUTH_KEY dropped`);
        this.rejected = 0;
      }
      if (this.dropped > 0) {
        this.logger.warn(`SIP capture: ${this.dropped} messages dropped (database slow or down)`);
        this.dropped = 0;
      }
    });
    return this.writing;
  }

  /** Deletes messages older than the retention, in batches so that no single statement runs long. */
  async sweep(now = Date.now()): Promise<number> {
    const beforeUs = BigInt(now - this.config.sipTrace.retentionHours * 3_600_000) * 1000n;
    let total = 0;
    try {
      for (;;) {
        const deleted = await this.messages.deleteOlderThan(beforeUs, DELETE_BATCH);
        total += deleted;
        if (deleted < DELETE_BATCH) return total;
      }
    } catch (error) {
      this.logger.warn(`SIP capture retention sweep failed: ${String(error)}`);
      return total;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    this.socket?.close();
    this.socket = null;
    await this.flush();
  }
}
