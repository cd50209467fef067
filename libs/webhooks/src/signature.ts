import { type KeyObject, createHmac, createSecretKey, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Signatures as Standard Webhooks (standardwebhooks.com) defines them, so receivers can use its libraries:
 * `webhook-signature: v1,<base64 HMAC-SHA256(secret bytes, "<webhook-id>.<webhook-timestamp>.<body>")>`,
 * where the secret is `whsec_<base64 bytes>`.
 */
export const WEBHOOK_SECRET_PREFIX = 'whsec_';
const SECRET_BYTES = 24;
const SIGNATURE_VERSION = 'v1';
export const DEFAULT_TOLERANCE_SECONDS = 300;

/** The headers a delivery carries (lower-case names). */
export const WebhookHeader = {
  Id: 'webhook-id',
  Timestamp: 'webhook-timestamp',
  Signature: 'webhook-signature',
} as const;

export class WebhookVerificationError extends Error {}

/** A new signing secret: `whsec_` + base64 of 24 random bytes. */
export function generateWebhookSecret(): string {
  return WEBHOOK_SECRET_PREFIX + randomBytes(SECRET_BYTES).toString('base64');
}

function secretBytes(secret: string): Buffer {
  const encoded = secret.startsWith(WEBHOOK_SECRET_PREFIX) ? secret.slice(WEBHOOK_SECRET_PREFIX.length) : secret;
  const bytes = Buffer.from(encoded, 'base64');
  if (bytes.length === 0) throw new WebhookVerificationError('the webhook secret is empty or not base64');
  return bytes;
}

/** Secrets' keys, decoded once: a worker signs hundreds of webhooks a second with a few secrets. */
const keys = new Map<string, KeyObject>();
const MAX_KEYS = 1000;

function keyOf(secret: string): KeyObject {
  let key = keys.get(secret);
  if (!key) {
    key = createSecretKey(secretBytes(secret));
    if (keys.size >= MAX_KEYS) keys.clear();
    keys.set(secret, key);
  }
  return key;
}

function hmac(secret: string, id: string, timestampSeconds: number, body: string | Buffer): Buffer {
  return createHmac('sha256', keyOf(secret)).update(`${id}.${timestampSeconds}.`).update(body).digest();
}

/** The `webhook-signature` value for one delivery attempt. */
export function signWebhook(secret: string, id: string, timestampSeconds: number, body: string | Buffer): string {
  return `${SIGNATURE_VERSION},${hmac(secret, id, timestampSeconds, body).toString('base64')}`;
}

/** The three Standard Webhooks headers of one signed request. */
export function signedWebhookHeaders(
  secret: string,
  id: string,
  body: string,
  timestampSeconds = Math.floor(Date.now() / 1000),
): Record<string, string> {
  return {
    [WebhookHeader.Id]: id,
    [WebhookHeader.Timestamp]: String(timestampSeconds),
    [WebhookHeader.Signature]: signWebhook(secret, id, timestampSeconds, body),
  };
}

/** Header lookup that accepts a fetch Headers, Node's IncomingHttpHeaders or a plain object, any case. */
export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

function header(headers: WebhookHeaders, name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const record = headers as Record<string, string | string[] | undefined>;
  const key = Object.keys(record).find((candidate) => candidate.toLowerCase() === name);
  const value = key === undefined ? undefined : record[key];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Checks a received webhook: its timestamp is within `toleranceSeconds` of now (replays of old deliveries
 * fail) and one of the space-separated `v1,` signatures (several during a secret rotation) matches.
 * Throws WebhookVerificationError otherwise. Pass the raw body, exactly as received.
 */
export function verifyWebhook(
  secret: string,
  headers: WebhookHeaders,
  body: string | Buffer,
  toleranceSeconds = DEFAULT_TOLERANCE_SECONDS,
  nowSeconds = Math.floor(Date.now() / 1000),
): void {
  const id = header(headers, WebhookHeader.Id);
  const timestamp = header(headers, WebhookHeader.Timestamp);
  const signatures = header(headers, WebhookHeader.Signature);
  if (!id || !timestamp || !signatures) throw new WebhookVerificationError('missing webhook headers');
  if (!/^\d+$/.test(timestamp)) throw new WebhookVerificationError('invalid webhook-timestamp');
  const sentAt = Number(timestamp);
  if (Math.abs(nowSeconds - sentAt) > toleranceSeconds) {
    throw new WebhookVerificationError('webhook-timestamp is outside the tolerance');
  }
  // Compared as canonical base64 text: lenient decoding would accept variants of the same bytes.
  const expected = Buffer.from(hmac(secret, id, sentAt, body).toString('base64'));
  for (const signature of signatures.split(' ')) {
    const [version, encoded] = signature.split(',', 2);
    if (version !== SIGNATURE_VERSION || !encoded) continue;
    const candidate = Buffer.from(encoded);
    if (candidate.length === expected.length && timingSafeEqual(candidate, expected)) return;
  }
  throw new WebhookVerificationError('no matching signature');
}
