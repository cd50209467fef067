import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { Redis } from 'ioredis';
import { Observable, Subject, filter, interval, map, merge } from 'rxjs';
import { CALLWIRE_CONFIG, type CallwireConfig } from '@callwire/config';
import { type LiveEvent, liveChannel, parseLiveEvent, redisOptionsFromUrl } from '@callwire/queues';

/** A server-sent event as Nest's @Sse writes it (`event:` = type, `data:` = JSON). */
export interface LiveMessage {
  readonly type: string;
  readonly data: { readonly accountId?: string };
}

/** Proxies and idle timeouts close silent streams: a comment-like ping keeps them open. */
const KEEPALIVE_MS = 15_000;

/** One Redis subscription per API process, fanned out to the open dashboards of each account. */
@Injectable()
export class LiveEventsSubscriber implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(LiveEventsSubscriber.name);
  private readonly events = new Subject<LiveEvent>();
  private readonly redis: Redis;
  private readonly channel: string;

  constructor(@Inject(CALLWIRE_CONFIG) config: CallwireConfig) {
    this.channel = liveChannel(config);
    this.redis = new Redis({ ...redisOptionsFromUrl(config.redisUrl), lazyConnect: true });
    this.redis.on('error', (error: Error) => this.logger.debug(`live events subscription: ${error.message}`));
    this.redis.on('message', (_channel: string, message: string) => {
      const event = parseLiveEvent(message);
      if (event) this.events.next(event);
    });
  }

  onModuleInit(): void {
    // Not awaited: with Redis down the API still starts (and /readyz says so). ioredis connects on this first
    // command, retries, and subscribes again by itself after every reconnect.
    this.redis
      .subscribe(this.channel)
      .catch((error: Error) => this.logger.warn(`live events unavailable: ${error.message}`));
  }

  stream(accountId: string): Observable<LiveMessage> {
    return merge(
      this.events.pipe(
        filter((event) => event.accountId === accountId),
        map((event) => ({ type: event.topic, data: { accountId } })),
      ),
      interval(KEEPALIVE_MS).pipe(map(() => ({ type: 'ping', data: {} }))),
    );
  }

  onModuleDestroy(): void {
    this.events.complete();
    this.redis.disconnect();
  }
}
