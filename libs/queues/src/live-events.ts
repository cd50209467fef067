import { Global, Inject, Injectable, Logger, Module, type OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';
import { CALLWIRE_CONFIG, type CallwireConfig } from '@callwire/config';
import { redisOptionsFromUrl } from './redis-connection';

/**
 * "Something on this list changed": the worker publishes one on Redis pub/sub after it changed the data behind
 * a dashboard list; the API relays it to that account's open dashboards (server-sent events), which refetch.
 * Nothing is lost if nobody listens: the lists are always read from PostgreSQL.
 */
export const LIVE_TOPICS = ['registrations', 'calls', 'webhook-deliveries', 'carriers'] as const;
export type LiveTopic = (typeof LIVE_TOPICS)[number];

export interface LiveEvent {
  readonly accountId: string;
  readonly topic: LiveTopic;
}

/** One channel per installation (QUEUE_PREFIX), like its queues. */
export function liveChannel(config: CallwireConfig): string {
  return `${config.queuePrefix}:live`;
}

function isLiveTopic(value: unknown): value is LiveTopic {
  return (LIVE_TOPICS as readonly unknown[]).includes(value);
}

export function parseLiveEvent(message: string): LiveEvent | null {
  try {
    const value: unknown = JSON.parse(message);
    if (typeof value !== 'object' || value === null) return null;
    const { accountId, topic } = value as Record<string, unknown>;
    return typeof accountId === 'string' && isLiveTopic(topic) ? { accountId, topic } : null;
  } catch {
    return null;
  }
}

/** Fire-and-forget notices to open dashboards; a Redis hiccup costs a live refresh, never the caller's work. */
@Injectable()
export class LiveEventsPublisher implements OnModuleDestroy {
  private readonly logger = new Logger(LiveEventsPublisher.name);
  private readonly redis: Redis;
  private readonly channel: string;

  constructor(@Inject(CALLWIRE_CONFIG) config: CallwireConfig) {
    this.channel = liveChannel(config);
    this.redis = new Redis({ ...redisOptionsFromUrl(config.redisUrl), lazyConnect: true, maxRetriesPerRequest: 1 });
    this.redis.on('error', () => undefined); // reported per failed publish below
  }

  publish(accountId: string, topic: LiveTopic): void {
    const event: LiveEvent = { accountId, topic };
    this.redis.publish(this.channel, JSON.stringify(event)).catch((error: unknown) => {
      this.logger.debug(`live ${topic} notice not sent: ${String(error)}`);
    });
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }
}

/** Import once in the worker: every module that changes a dashboard list can publish. */
@Global()
@Module({ providers: [LiveEventsPublisher], exports: [LiveEventsPublisher] })
export class LiveEventsModule {}
