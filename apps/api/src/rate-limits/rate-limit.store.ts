import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { Redis } from 'ioredis';
import { CALLWIRE_CONFIG, type CallwireConfig } from '@callwire/config';
import { redisOptionsFromUrl } from '@callwire/queues';

/** Every counter is a fixed window of one second: the limits are requests per second. */
export const WINDOW_MS = 1000;
/** A Redis that does not answer within this costs each request at most this long (then it is let through). */
const REDIS_TIMEOUT_MS = 500;
/** Connecting may take longer on a busy machine; requests pass unlimited meanwhile. */
const CONNECT_TIMEOUT_MS = 3000;
/** While Redis is down every request would warn: one warning per this interval is enough. */
const WARNING_INTERVAL_MS = 30_000;

/** A counter after this request: how many requests its window has seen, and when the window ends. */
export interface WindowCount {
  readonly count: number;
  readonly resetMs: number;
}

/** Either the source is blocked (for blockedMs more), or here are its counters, in the order asked. */
export type Admission = { readonly blockedMs: number } | { readonly counts: readonly WindowCount[] };

/**
 * KEYS[1]: the source's block; KEYS[2..]: counters to add this request to. ARGV[1]: window (ms).
 * Returns {blocked ms} or {0, count, ms left, count, ms left, …}. One round trip, atomic.
 */
const ADMIT_SCRIPT = `
local blocked = redis.call('PTTL', KEYS[1])
if blocked > 0 then return {blocked} end
local out = {0}
for i = 2, #KEYS do
  local count = redis.call('INCR', KEYS[i])
  local left = redis.call('PTTL', KEYS[i])
  if left < 0 then
    redis.call('PEXPIRE', KEYS[i], ARGV[1])
    left = tonumber(ARGV[1])
  end
  out[#out + 1] = count
  out[#out + 1] = left
end
return out`;

/**
 * KEYS[1]: the source's failure counter, KEYS[2]: its block. ARGV: window (ms), limit, block (ms).
 * The failure that reaches the limit blocks the source and starts a new count.
 */
const FAILURE_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
if count >= tonumber(ARGV[2]) then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
  redis.call('DEL', KEYS[1])
end
return count`;

interface RateLimitCommands {
  admit(numberOfKeys: number, ...args: (string | number)[]): Promise<number[]>;
  authFailure(key: string, block: string, windowMs: number, limit: number, blockMs: number): Promise<number>;
}

/**
 * The API's rate-limit counters in Redis, shared by every API process. Fails open: while Redis is unreachable
 * nothing is limited (logged, and /readyz reports Redis down) — the API must not stop because of its limiter.
 */
@Injectable()
export class RateLimitStore implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(RateLimitStore.name);
  private readonly redis: Redis & RateLimitCommands;
  private readonly prefix: string;
  private lastWarningAt = 0;

  constructor(@Inject(CALLWIRE_CONFIG) private readonly config: CallwireConfig) {
    this.prefix = `${config.queuePrefix}:rate-limit`;
    const redis = new Redis({
      ...redisOptionsFromUrl(config.redisUrl),
      // Fail fast instead of queueing requests behind a Redis that is down.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      lazyConnect: true,
      connectTimeout: CONNECT_TIMEOUT_MS,
      commandTimeout: REDIS_TIMEOUT_MS,
      // Concurrent requests' checks share one write and one Redis wake-up instead of one each.
      enableAutoPipelining: true,
    });
    redis.on('error', () => undefined); // reported per refused request, see unavailable()
    redis.defineCommand('admit', { lua: ADMIT_SCRIPT });
    redis.defineCommand('authFailure', { numberOfKeys: 2, lua: FAILURE_SCRIPT });
    this.redis = redis as Redis & RateLimitCommands;
  }

  /** Connected before the API listens (its first requests are counted); with Redis down it starts anyway. */
  async onModuleInit(): Promise<void> {
    // ioredis keeps reconnecting by itself after a failed first attempt.
    await this.redis.connect().catch((error: unknown) => this.unavailable(error));
  }

  /** Adds one request to each counter (named by `counters`), unless the source is blocked; null: Redis is down. */
  async admit(sourceIp: string, counters: readonly string[]): Promise<Admission | null> {
    try {
      const keys = [this.blockKey(sourceIp), ...counters.map((counter) => `${this.prefix}:${counter}`)];
      const reply = await this.redis.admit(keys.length, ...keys, WINDOW_MS);
      const [blockedMs = 0, ...pairs] = reply;
      if (blockedMs > 0) return { blockedMs };
      return { counts: counters.map((_, i) => ({ count: pairs[2 * i] ?? 0, resetMs: pairs[2 * i + 1] ?? WINDOW_MS })) };
    } catch (error) {
      this.unavailable(error);
      return null;
    }
  }

  /** One more failed authentication from this source; at the limit it is blocked for authBlockSeconds. */
  async recordAuthFailure(sourceIp: string): Promise<void> {
    const { authFailureLimit, authFailureWindowSeconds, authBlockSeconds } = this.config.rateLimits;
    if (authFailureLimit === 0) return;
    try {
      const count = await this.redis.authFailure(
        `${this.prefix}:auth-failures:${sourceIp}`,
        this.blockKey(sourceIp),
        authFailureWindowSeconds * 1000,
        authFailureLimit,
        authBlockSeconds * 1000,
      );
      if (count >= authFailureLimit) {
        this.logger.warn(`blocked ${sourceIp} for ${authBlockSeconds} s after ${count} failed authentications`);
      }
    } catch (error) {
      this.unavailable(error);
    }
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }

  private blockKey(sourceIp: string): string {
    return `${this.prefix}:blocked:${sourceIp}`;
  }

  private unavailable(error: unknown): void {
    const now = Date.now();
    if (now - this.lastWarningAt < WARNING_INTERVAL_MS) return;
    this.lastWarningAt = now;
    this.logger.warn(`rate limits not applied (Redis unavailable: ${String(error)}); requests pass unlimited`);
  }
}
