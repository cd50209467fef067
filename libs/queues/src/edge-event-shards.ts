/**
 * The edge's events are partitioned by call: the edge writes each event to one of `shards` Redis streams,
 * chosen by hashing its key (the Call-ID for call events, the AoR for registrations, the source address for
 * blocks) with Kamailio's core hash (`$(ci{s.corehash,SHARDS})`). One worker owns a shard at a time, so the
 * events of a call are applied in the order the edge wrote them, however many workers run.
 */

/** The stream of one shard: `<prefix>:edge-events:<shard>`. */
export function edgeEventsStream(queuePrefix: string, shard: number): string {
  return `${queuePrefix}:edge-events:${shard}`;
}

/**
 * The stream the edge wrote to before events were partitioned. Workers still drain it (events written by an
 * edge that ran before an upgrade) but nothing writes to it any more.
 */
export function legacyEdgeEventsStream(queuePrefix: string): string {
  return `${queuePrefix}:edge-events`;
}

/** Entries that could not be applied (malformed, or failing again and again): kept for an operator, logged. */
export function deadEdgeEventsStream(queuePrefix: string): string {
  return `${queuePrefix}:edge-events:dead`;
}

/** Shard counts are powers of two (Kamailio's core hash masks with size - 1). */
export function isValidShardCount(shards: number): boolean {
  return Number.isInteger(shards) && shards >= 1 && shards <= 1024 && (shards & (shards - 1)) === 0;
}

/**
 * Kamailio's core_hash(key, NULL, shards) (core/hash_func.h), as `{s.corehash,shards}` computes it: 4 bytes at
 * a time, `char` signed as on x86 and ARM Linux builds of Kamailio, 32-bit unsigned arithmetic, masked to the
 * (power of two) shard count.
 */
export function edgeEventShard(key: string, shards: number): number {
  if (!isValidShardCount(shards)) throw new Error(`shard count must be a power of two in 1..1024, got ${shards}`);
  const bytes = Buffer.from(key, 'utf8');
  const at = (i: number): number => {
    const byte = bytes[i] ?? 0;
    return byte > 127 ? byte - 256 : byte;
  };
  let h = 0;
  let p = 0;
  for (; p + 4 <= bytes.length; p += 4) {
    const v = ((at(p) << 24) + (at(p + 1) << 16) + (at(p + 2) << 8) + at(p + 3)) >>> 0;
    h = (h + ((v ^ (v >>> 3)) >>> 0)) >>> 0;
  }
  let v = 0;
  for (; p < bytes.length; p++) v = ((v << 8) + at(p)) >>> 0;
  h = (h + ((v ^ (v >>> 3)) >>> 0)) >>> 0;
  h = (h + (h >>> 11) + ((h >>> 13) + (h >>> 23))) >>> 0;
  return h & (shards - 1);
}
