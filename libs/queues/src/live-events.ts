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

/**
 * Notices of one account and topic closer together than this are sent as one: the first at once, the rest
 * as a single notice at the end of the window (a dashboard refetches once and sees the last change). A busy
 * worker changes a list many times a second; each notice was a Redis PUBLISH (a write the worker pays for).
 */
export const LIVE_COALESCE_MS = 200;

/** Fire-and-forget notices to open dashboards; a Redis hiccup costs a live refresh, never the caller's work. */
@Injectable()
export class LiveEventsPublisher implements OnModuleDestroy {
  private readonly logger = new Logger(LiveEventsPublisher.name);
  private readonly redis: Redis;
  private readonly channel: string;
  /** Per `accountId topic` published in the current window: whether another notice is due at its end. */
  private readonly windows = new Map<string, { pending: boolean; timer: NodeJS.Timeout }>();

  constructor(@Inject(CALLWIRE_CONFIG) config: CallwireConfig) {
    this.channel = liveChannel(config);
    this.redis = new Redis({ ...redisOptionsFromUrl(config.redisUrl), lazyConnect: true, maxRetriesPerRequest: 1 });
    this.redis.on('error', () => undefined); // reported per failed publish below
  }

  publish(accountId: string, topic: LiveTopic): void {
    const key = `${accountId} ${topic}`;
    const window = this.windows.get(key);
    if (window) {
      window.pending = true;
      return;
    }
    this.send(accountId, topic);
    const timer = setTimeout(() => {
      const ended = this.windows.get(key);
      this.windows.delete(key);
      if (ended?.pending) this.publish(accountId, topic);
    }, LIVE_COALESCE_MS);
    timer.unref();
    this.windows.set(key, { pending: false, timer });
  }

  /** One PUBLISH (protected: the coalescing is tested without Redis). */
  protected send(accountId: string, topic: LiveTopic): void {
    const event: LiveEvent = { accountId, topic };
    this.redis.publish(this.channel, JSON.stringify(event)).catch((error: unknown) => {
      this.logger.debug(`live ${topic} notice not sent: ${String(error)}`);
    });
  }

  onModuleDestroy(): void {
    for (const { timer } of this.windows.values()) clearTimeout(timer);
    this.windows.clear();
    this.redis.disconnect();
  }
}

/** Import once in the worker: every module that changes a dashboard list can publish. */
@Global()
@Module({ providers: [LiveEventsPublisher], exports: [LiveEventsPublisher] })
export class LiveEventsModule {}
