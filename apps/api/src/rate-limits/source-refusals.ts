/** Why a source is refused without asking Redis: blocked after failed authentications, or over its per-second limit. */
export type SourceRefusal = { readonly reason: 'blocked' } | { readonly reason: 'ip'; readonly limit: number };

export interface KnownRefusal {
  readonly refusal: SourceRefusal;
  /** How long the refusal still holds. */
  readonly leftMs: number;
}

/** Enough for a flood from many addresses; beyond it the oldest entries are forgotten (Redis still counts them). */
const DEFAULT_CAPACITY = 10_000;

/**
 * What this process learned from Redis's answers about sources it must refuse, until the block or the window
 * ends: their next requests are refused before anything else runs (no Redis round trip, no key lookup in the
 * database). Redis stays the shared truth: a source this memory does not know is counted there as usual.
 */
export class SourceRefusals {
  private readonly until = new Map<string, { untilMs: number; refusal: SourceRefusal }>();

  constructor(private readonly capacity = DEFAULT_CAPACITY) {}

  remember(sourceIp: string, refusal: SourceRefusal, forMs: number, now = Date.now()): void {
    if (forMs <= 0) return;
    if (!this.until.has(sourceIp) && this.until.size >= this.capacity) this.makeRoom(now);
    this.until.set(sourceIp, { untilMs: now + forMs, refusal });
  }

  check(sourceIp: string, now = Date.now()): KnownRefusal | undefined {
    const known = this.until.get(sourceIp);
    if (!known) return undefined;
    if (known.untilMs <= now) {
      this.until.delete(sourceIp);
      return undefined;
    }
    return { refusal: known.refusal, leftMs: known.untilMs - now };
  }

  /** Forgets what has expired; if that frees nothing, the entry remembered first (Maps keep insertion order). */
  private makeRoom(now: number): void {
    for (const [sourceIp, { untilMs }] of this.until) if (untilMs <= now) this.until.delete(sourceIp);
    if (this.until.size < this.capacity) return;
    const oldest = this.until.keys().next();
    if (!oldest.done) this.until.delete(oldest.value);
  }
}
