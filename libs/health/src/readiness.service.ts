import { Injectable } from '@nestjs/common';
import { DatabaseProbe } from '@callwire/database';
import { RedisProbe } from '@callwire/queues';

type CheckState = 'up' | 'down';

export interface Readiness {
  readonly status: 'ok' | 'unavailable';
  readonly checks: { readonly database: CheckState; readonly redis: CheckState };
}

/** Are the dependencies this process needs reachable? Backs the API's /readyz and the worker's /healthz. */
@Injectable()
export class ReadinessService {
  constructor(
    private readonly database: DatabaseProbe,
    private readonly redis: RedisProbe,
  ) {}

  async check(): Promise<Readiness> {
    const [database, redis] = await Promise.all([this.database.isUp(), this.redis.isUp()]);
    return {
      status: database && redis ? 'ok' : 'unavailable',
      checks: { database: database ? 'up' : 'down', redis: redis ? 'up' : 'down' },
    };
  }
}
