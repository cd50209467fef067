import { WINDOW_MS } from './rate-limit.store';

/** The policies a request is counted against: its source address, its key or session, its account. */
export type PolicyName = 'ip' | 'key' | 'account';

/** One policy's state after this request. */
export interface Quota {
  readonly policy: PolicyName;
  /** Requests allowed per window. */
  readonly limit: number;
  /** Requests the window has seen, this one included. */
  readonly count: number;
  readonly resetMs: number;
}

export const exceeded = (quota: Quota): boolean => quota.count > quota.limit;

/** Whole seconds, at least 1 (Retry-After 0 would invite an immediate retry). */
export const wholeSeconds = (ms: number): number => Math.max(1, Math.ceil(ms / 1000));

/**
 * The fields of draft-ietf-httpapi-ratelimit-headers (-08 and later): `RateLimit-Policy` lists each policy
 * (`q` requests per `w` seconds), `RateLimit` its remaining requests (`r`) and the seconds until they are
 * restored (`t`). Example: `RateLimit-Policy: "ip";q=100;w=1, "key";q=50;w=1` and `RateLimit: "ip";r=97;t=1, "key";r=48;t=1`.
 */
export function rateLimitHeaders(quotas: readonly Quota[]): Record<string, string> {
  const window = wholeSeconds(WINDOW_MS);
  return {
    'ratelimit-policy': quotas.map((quota) => `"${quota.policy}";q=${quota.limit};w=${window}`).join(', '),
    ratelimit: quotas
      .map((quota) => `"${quota.policy}";r=${Math.max(0, quota.limit - quota.count)};t=${wholeSeconds(quota.resetMs)}`)
      .join(', '),
  };
}

/** Retry-After (seconds) for a refused request: when the last exceeded policy lets requests through again. */
export function retryAfterSeconds(quotas: readonly Quota[]): number {
  return wholeSeconds(Math.max(0, ...quotas.filter(exceeded).map((quota) => quota.resetMs)));
}
