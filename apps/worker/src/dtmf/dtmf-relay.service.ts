import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { type Socket, createSocket } from 'node:dgram';
import { Redis } from 'ioredis';
import { CALLWIRE_CONFIG, type CallwireConfig } from '@callwire/config';
import { edgeEventShard, edgeEventsStream, redisOptionsFromUrl } from '@callwire/queues';
import { KamailioRpcClient } from '../edge-sync/kamailio-rpc.client';
import {
  type DetectedDigit,
  type DtmfInfo,
  type EdgeDialog,
  dtmfInfoMessage,
  parseDtmfDatagram,
  parseEdgeDialogs,
} from './dtmf-interworking';

/** The edge's event streams keep about a million entries over all shards, as the edge's own XADDs do. */
const STREAM_MAX_ENTRIES = 1_000_000;
/** An INFO is sent again after 500 ms, 1 s, 2 s without a final answer (RFC 3261 timer E), then given up. */
const INFO_RETRANSMITS_MS = [500, 1000, 2000];

/**
 * rtpengine's DTMF reports (one UDP datagram per digit seen in a call's RFC 4733 telephone-events, on
 * 127.0.0.1:RTPENGINE_DTMF_PORT): a digit from one side of an interworking call reaches the other side as a SIP
 * INFO when that side uses INFO (dtmfInfoMessage), and every digit goes into the edge's event stream of its call
 * (EdgeDtmfEvent), where call records keep them for accounts that record DTMF. rtpengine also reports the digits
 * the edge plays for an INFO side, so each digit of a call is reported once, whichever way it was sent.
 * Only one worker process can own the port: the others leave the reports to it.
 */
@Injectable()
export class DtmfRelayService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DtmfRelayService.name);
  private reports: Socket | null = null;
  /** Sends the INFOs to the edge and hears their answers. */
  private sip: Socket | null = null;
  private redis: Redis | null = null;
  /** Digits of a call are handled one after the other: an INFO per digit, in the order they were pressed. */
  private readonly calls = new Map<string, Promise<void>>();
  /** INFOs waiting for their final answer, by Via branch. */
  private readonly answered = new Map<string, () => void>();

  constructor(
    @Inject(CALLWIRE_CONFIG) private readonly config: CallwireConfig,
    private readonly rpc: KamailioRpcClient,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const port = this.config.dtmfEventsPort;
    if (port === 0) return;
    const reports = createSocket('udp4');
    reports.on('message', (datagram, from) => {
      if (from.address === '127.0.0.1') this.accept(datagram.toString('utf8'));
    });
    if (!(await bind(reports, port))) {
      this.logger.warn(`DTMF reports not heard here: 127.0.0.1:${port} is taken`);
      reports.close();
      return;
    }
    reports.on('error', (error) => this.logger.warn(`DTMF report socket: ${error.message}`));
    const sip = createSocket('udp4');
    sip.on('message', (datagram) => this.answer(datagram.toString('utf8')));
    sip.on('error', (error) => this.logger.warn(`DTMF INFO socket: ${error.message}`));
    await bind(sip, 0);
    this.reports = reports;
    this.sip = sip;
    this.redis = new Redis({ ...redisOptionsFromUrl(this.config.redisUrl), maxRetriesPerRequest: 2 });
    this.redis.on('error', () => undefined);
    this.logger.log(`hearing rtpengine's DTMF reports on udp 127.0.0.1:${port}`);
  }

  /** One report: handled after the call's earlier digits. */
  accept(datagram: string): void {
    const detected = parseDtmfDatagram(datagram);
    if (!detected) return;
    const previous = this.calls.get(detected.callId) ?? Promise.resolve();
    const next = previous.then(() => this.handle(detected));
    this.calls.set(detected.callId, next);
    void next.finally(() => {
      if (this.calls.get(detected.callId) === next) this.calls.delete(detected.callId);
    });
  }

  private async handle(detected: DetectedDigit): Promise<void> {
    try {
      const dialog = parseEdgeDialogs(await this.rpc.call('dlg.dlg_list_ctx', [detected.callId]))[0];
      if (!dialog) return;
      const local = this.sip?.address();
      if (local) {
        const branch = `z9hG4bK-cwdtmf-${randomBytes(8).toString('hex')}`;
        const info = dtmfInfoMessage(
          dialog,
          detected,
          { host: local.address, port: local.port, branch },
          this.config.edgeSipPort,
        );
        if (info && !(await this.send(info))) {
          this.logger.warn(`DTMF ${detected.digit} of call ${detected.callId}: the INFO got no final answer`);
        }
      }
      await this.record(dialog, detected);
    } catch (error) {
      this.logger.warn(`DTMF ${detected.digit} of call ${detected.callId} not relayed: ${String(error)}`);
    }
  }

  /** Sends the INFO (again on UDP timer E) until a final answer comes; false when none came. */
  private async send(info: DtmfInfo): Promise<boolean> {
    const answered = new Promise<void>((resolve) => this.answered.set(info.branch, resolve));
    try {
      for (const waitMs of INFO_RETRANSMITS_MS) {
        this.sip?.send(info.message, info.edge.port, info.edge.host);
        const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), waitMs).unref());
        if ((await Promise.race([answered, timeout])) !== 'timeout') return true;
      }
      return false;
    } finally {
      this.answered.delete(info.branch);
    }
  }

  /** A response to one of the INFOs: a final one ends its retransmissions. */
  private answer(message: string): void {
    const status = /^SIP\/2\.0 (\d{3})/.exec(message)?.[1];
    const branch = /^Via:[^\r\n]*;branch=([^;,\s]+)/im.exec(message)?.[1];
    if (status && Number(status) >= 200 && branch) this.answered.get(branch)?.();
  }

  /** The digit as an edge event in its call's shard (EdgeDtmfEvent: kept only for accounts that record DTMF). */
  private async record(dialog: EdgeDialog, detected: DetectedDigit): Promise<void> {
    if (!this.redis) return;
    const source = detected.sourceTag === dialog.caller.tag ? 'caller' : 'callee';
    const event = {
      kind: 'dtmf',
      sipCallId: dialog.callId,
      ts: (Date.now() / 1000).toFixed(6),
      sipDomain: hostOf(dialog.fromUri),
      ...(dialog.variables.account ? { accountId: dialog.variables.account } : {}),
      digit: detected.digit,
      source,
      // rtpengine reports the digits the edge plays for an INFO side too (route[DTMF_INFO]).
      method: dialog.variables[`dtmf_${source}`] === 'info' ? 'info' : 'rfc4733',
    };
    const shards = this.config.edgeEventShards;
    const stream = edgeEventsStream(this.config.queuePrefix, edgeEventShard(dialog.callId, shards));
    const maxLength = String(Math.floor(STREAM_MAX_ENTRIES / shards));
    await this.redis.xadd(stream, 'MAXLEN', '~', maxLength, '*', 'e', JSON.stringify(event));
  }

  async onApplicationShutdown(): Promise<void> {
    this.reports?.close();
    this.reports = null;
    await Promise.allSettled([...this.calls.values()]);
    this.sip?.close();
    this.sip = null;
    this.redis?.disconnect();
    this.redis = null;
  }
}

/** Binds a UDP socket on 127.0.0.1 (`port` 0: any); false when the port is taken. */
function bind(socket: Socket, port: number): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    socket.once('error', () => resolve(false));
    socket.bind(port, '127.0.0.1', () => resolve(true));
  });
}

/** The host of a SIP URI (`sip:alice@acme.example;x=y` → `acme.example`). */
function hostOf(uri: string): string {
  return (/^sips?:(?:[^@]*@)?(\[[^\]]+\]|[^:;>?]+)/i.exec(uri)?.[1] ?? '').toLowerCase();
}
