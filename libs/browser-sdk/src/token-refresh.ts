/** A token is refreshed this long before it expires… */
const REFRESH_MARGIN_MS = 60_000;
/** …but not before this share of its remaining lifetime has passed, so short-lived tokens still get used. */
const MIN_USED_LIFETIME = 0.8;
/** setTimeout fires at once for longer delays (they overflow a signed 32-bit integer). */
const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

/**
 * How long to wait, from `nowMs`, before refreshing a token that expires at `expSeconds` (Unix
 * seconds): the later of 60 s before expiry and 80 % of the remaining lifetime; 0 when already due.
 */
export function tokenRefreshDelayMs(expSeconds: number, nowMs: number): number {
  const lifetimeMs = expSeconds * 1000 - nowMs;
  if (lifetimeMs <= 0) return 0;
  const delayMs = Math.max(lifetimeMs - REFRESH_MARGIN_MS, lifetimeMs * MIN_USED_LIFETIME);
  return Math.min(Math.round(delayMs), MAX_TIMER_DELAY_MS);
}
