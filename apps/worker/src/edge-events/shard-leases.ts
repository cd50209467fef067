import { Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { assignedPartitions } from './shard-assignment';

/** A lease not renewed for this long is free: a dead worker's partitions move on after about this long. */
export const LEASE_MS = 5_000;
/** How often a worker says it is alive, renews its leases and looks for partitions to take. */
export const HEARTBEAT_MS = 1_000;

/** Heartbeat with Redis's clock (workers on several machines need not agree on the time): the live workers. */
const HEARTBEAT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZADD', KEYS[1], now, ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - tonumber(ARGV[2]))
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]) * 10)
return redis.call('ZRANGE', KEYS[1], 0, -1)`;
/** Renews each lease still held by ARGV[1]; returns 1/0 per key. */
const RENEW = `
local held = {}
for i, key in ipairs(KEYS) do
  if redis.call('GET', key) == ARGV[1] then
    redis.call('PEXPIRE', key, ARGV[2])
    held[i] = 1
  else
    held[i] = 0
  end
end
return held`;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

/**
 * Leases on the edge-event partitions, in Redis: one owner per partition at a time (SET NX PX, renewed every
 * HEARTBEAT_MS), shared fairly among the workers that sent a heartbeat within LEASE_MS (assignedPartitions).
 * The owner of a partition is the only reader of its stream: that is what keeps a call's events in order
 * across worker processes. A worker gives a partition back only between two batches (releaseUnassigned), so
 * the next owner never sees a batch half applied; a dead worker's leases simply expire.
 */
export class ShardLeases {
  private readonly logger = new Logger(ShardLeases.name);
  readonly workerId = `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
  private readonly owned = new Set<number>();
  private assigned = new Set<number>();
  private readonly acquiredListeners: ((partition: number) => void)[] = [];

  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
    private readonly partitions: number,
  ) {}

  /** Called with each partition this worker takes (its new owner reads the partition's pending entries first). */
  onAcquired(listener: (partition: number) => void): void {
    this.acquiredListeners.push(listener);
  }

  /** The partitions this worker reads now. */
  ownedPartitions(): number[] {
    return [...this.owned].sort((a, b) => a - b);
  }

  /** Whether the lease is still ours (checked before acknowledging a batch's entries). */
  owns(partition: number): boolean {
    return this.owned.has(partition);
  }

  private leaseKey(partition: number): string {
    return `${this.keyPrefix}:lease:${partition}`;
  }

  /** Heartbeat, renewal and acquisition of free assigned partitions: every HEARTBEAT_MS. */
  async tick(): Promise<void> {
    const live = (await this.redis.eval(
      HEARTBEAT,
      1,
      `${this.keyPrefix}:workers`,
      this.workerId,
      LEASE_MS,
    )) as string[];
    this.assigned = new Set(assignedPartitions(this.partitions, live, this.workerId));
    const owned = this.ownedPartitions();
    if (owned.length > 0) {
      const held = (await this.redis.eval(
        RENEW,
        owned.length,
        ...owned.map((partition) => this.leaseKey(partition)),
        this.workerId,
        LEASE_MS,
      )) as number[];
      owned.forEach((partition, i) => {
        if (held[i] === 1) return;
        this.owned.delete(partition);
        this.logger.warn(`lost the lease of edge-event partition ${partition} (not renewed in time)`);
      });
    }
    for (const partition of this.assigned) {
      if (this.owned.has(partition)) continue;
      const taken = await this.redis.set(this.leaseKey(partition), this.workerId, 'PX', LEASE_MS, 'NX');
      if (taken !== 'OK') continue;
      this.owned.add(partition);
      for (const listener of this.acquiredListeners) listener(partition);
    }
  }

  /** Between two batches: gives back the partitions now assigned to another worker. */
  async releaseUnassigned(): Promise<void> {
    for (const partition of this.ownedPartitions()) {
      if (!this.assigned.has(partition)) await this.release(partition);
    }
  }

  /** On shutdown, after the last batch: the other workers take over at once instead of after LEASE_MS. */
  async releaseAll(): Promise<void> {
    for (const partition of this.ownedPartitions()) await this.release(partition);
    await this.redis.zrem(`${this.keyPrefix}:workers`, this.workerId);
  }

  private async release(partition: number): Promise<void> {
    this.owned.delete(partition);
    await this.redis.eval(RELEASE, 1, this.leaseKey(partition), this.workerId);
  }
}
