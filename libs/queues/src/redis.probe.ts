import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';
import { CALLWIRE_CONFIG, type CallwireConfig } from '@callwire/config';
import { redisOptionsFromUrl } from './redis-connection';

const PROBE_TIMEOUT_MS = 1000;

/** Readiness check over a dedicated connection that fails fast instead of queueing while Redis is down. */
@Injectable()
export class RedisProbe implements OnModuleDestroy {
  private readonly redis: Redis;

  constructor(@Inject(CALLWIRE_CONFIG) config: CallwireConfig) {
    this.redis = new Redis({
      ...redisOptionsFromUrl(config.redisUrl),
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: PROBE_TIMEOUT_MS,
      commandTimeout: PROBE_TIMEOUT_MS,
    });
    this.redis.on('error', () => undefined); // the state is reported by isUp(), not as log noise
  }

  async isUp(): Promise<boolean> {
    try {
      if (this.redis.status === 'wait' || this.redis.status === 'end') await this.redis.connect();
      return (await this.redis.ping()) === 'PONG';
    } catch {
      return false;
    }
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }
}
