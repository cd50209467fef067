import { InjectQueue } from '@nestjs/bullmq';
import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { hostname } from 'node:os';
import { CALLWIRE_CONFIG, type CallwireConfig } from '@callwire/config';
import { type EdgeEventJob, QueueName, redisOptionsFromUrl } from '@callwire/queues';
import { parseEdgeEvent } from './edge-event.parser';

const GROUP = 'callwire-worker';
const BATCH = 200;
const BLOCK_MS = 1000;

type StreamEntry = [id: string, fields: string[]];
type StreamReply = [stream: string, entries: StreamEntry[]][] | null;

/**
 * Moves the edge's events from its Redis stream into the edge-events queue. A consumer group keeps the
 * position: an entry is acknowledged only once its job exists (job id = entry id, so a replay after a
 * crash adds nothing twice), and entries a dead worker left unacknowledged are read again at start.
 */
@Injectable()
export class EdgeEventsStreamConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(EdgeEventsStreamConsumer.name);
  private readonly redis: Redis;
  private readonly stream: string;
  private readonly consumer = `${hostname()}-${process.pid}`;
  private running = false;
  private loop: Promise<void> | undefined;

  constructor(
    @Inject(CALLWIRE_CONFIG) config: CallwireConfig,
    @InjectQueue(QueueName.EdgeEvents) private readonly queue: Queue<EdgeEventJob>,
  ) {
    this.redis = new Redis({ ...redisOptionsFromUrl(config.redisUrl), maxRetriesPerRequest: null, lazyConnect: true });
    this.redis.on('error', () => undefined); // reconnects by itself; the loop logs what it could not do
    this.stream = `${config.queuePrefix}:edge-events`;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.redis.connect();
    try {
      // From the start of the stream: events the edge wrote before the first worker ever ran count too.
      await this.redis.xgroup('CREATE', this.stream, GROUP, '0', 'MKSTREAM');
    } catch (error) {
      if (!String(error).includes('BUSYGROUP')) throw error;
    }
    this.running = true;
    this.loop = this.run();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    await this.loop;
    this.redis.disconnect();
  }

  private async run(): Promise<void> {
    let cursor = '0'; // first what this consumer left unacknowledged, then new entries
    while (this.running) {
      try {
        const reply = (await this.redis.xreadgroup(
          'GROUP',
          GROUP,
          this.consumer,
          'COUNT',
          BATCH,
          'BLOCK',
          BLOCK_MS,
          'STREAMS',
          this.stream,
          cursor,
        )) as StreamReply;
        const entries = reply?.[0]?.[1] ?? [];
        if (cursor === '0' && entries.length === 0) cursor = '>';
        await this.forward(entries);
      } catch (error) {
        if (!this.running) break;
        this.logger.error(`reading ${this.stream} failed, retrying: ${String(error)}`);
        await new Promise((resolve) => setTimeout(resolve, BLOCK_MS));
      }
    }
  }

  private async forward(entries: StreamEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const jobs = entries.flatMap(([id, fields]) => {
      const job = parseEdgeEvent(fields[fields.indexOf('e') + 1] ?? '');
      if (!job) this.logger.warn(`dropped a malformed edge event (${id})`);
      return job
        ? [{ name: `${job.kind}.${job.event}`, data: job, opts: { jobId: `edge-${id}`, ...JOB_OPTIONS } }]
        : [];
    });
    await this.queue.addBulk(jobs);
    await this.redis.xack(this.stream, GROUP, ...entries.map(([id]) => id));
  }
}

const JOB_OPTIONS = {
  attempts: 20,
  backoff: { type: 'exponential', delay: 200 },
  removeOnComplete: 1000,
  removeOnFail: 5000,
} as const;
