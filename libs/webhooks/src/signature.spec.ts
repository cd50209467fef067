import { createHmac } from 'node:crypto';
import { WebhookVerificationError, generateWebhookSecret, signWebhook, verifyWebhook } from './signature';

// The example of the Standard Webhooks specification (and of the Svix libraries).
const VECTOR = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};

const headersOf = (id: string, timestamp: number, signature: string): Record<string, string> => ({
  'webhook-id': id,
  'webhook-timestamp': String(timestamp),
  'webhook-signature': signature,
});

describe('webhook signatures', () => {
  it('matches the Standard Webhooks test vector', () => {
    expect(signWebhook(VECTOR.secret, VECTOR.id, VECTOR.timestamp, VECTOR.body)).toBe(VECTOR.signature);
  });

  it('is base64 HMAC-SHA256 over "id.timestamp.body" keyed with the decoded secret', () => {
    const secret = generateWebhookSecret();
    const body = JSON.stringify({ id: 'e1', type: 'call.ringing', data: { x: 'é' } });
    const expected = createHmac('sha256', Buffer.from(secret.slice('whsec_'.length), 'base64'))
      .update(`evt_1.1700000000.${body}`)
      .digest('base64');
    expect(signWebhook(secret, 'evt_1', 1700000000, body)).toBe(`v1,${expected}`);
    expect(signWebhook(secret, 'evt_1', 1700000000, Buffer.from(body))).toBe(`v1,${expected}`);
  });

  it('generates whsec_ secrets of 24 random bytes', () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(24);
    expect(generateWebhookSecret()).not.toBe(secret);
  });

  it('verifies a genuine delivery, with any header case and among several signatures', () => {
    const now = VECTOR.timestamp + 10;
    const headers = headersOf(VECTOR.id, VECTOR.timestamp, VECTOR.signature);
    expect(() => verifyWebhook(VECTOR.secret, headers, VECTOR.body, 300, now)).not.toThrow();
    const fetchHeaders = new Headers({
      'Webhook-Id': VECTOR.id,
      'Webhook-Timestamp': String(VECTOR.timestamp),
      'Webhook-Signature': `v1,${Buffer.alloc(32).toString('base64')} v2,abc ${VECTOR.signature}`,
    });
    expect(() => verifyWebhook(VECTOR.secret, fetchHeaders, VECTOR.body, 300, now)).not.toThrow();
    expect(() =>
      verifyWebhook(VECTOR.secret, { 'WEBHOOK-ID': VECTOR.id, ...headers }, Buffer.from(VECTOR.body), 300, now),
    ).not.toThrow();
  });

  it.each([
    ['a tampered body', { body: '{"test": 2432232315}' }],
    ['another id', { id: 'msg_other' }],
    ['another timestamp', { timestamp: VECTOR.timestamp + 1 }],
    ['another secret', { secret: generateWebhookSecret() }],
    ['a tampered signature', { signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OF=' }],
    ['a truncated signature', { signature: 'v1,g0hM9SsE+OTPJTGt' }],
    ['an unknown version', { signature: VECTOR.signature.replace('v1,', 'v1a,') }],
    ['no signature', { signature: '' }],
  ])('refuses %s', (_case, change: Partial<typeof VECTOR>) => {
    const v = { ...VECTOR, ...change };
    const headers = headersOf(VECTOR.id, VECTOR.timestamp, VECTOR.signature);
    if (change.id) headers['webhook-id'] = change.id;
    if (change.timestamp) headers['webhook-timestamp'] = String(change.timestamp);
    if (change.signature !== undefined) headers['webhook-signature'] = change.signature;
    expect(() => verifyWebhook(v.secret, headers, v.body, 300, VECTOR.timestamp)).toThrow(WebhookVerificationError);
  });

  it('refuses timestamps outside the tolerance, either way, and malformed ones', () => {
    const headers = headersOf(VECTOR.id, VECTOR.timestamp, VECTOR.signature);
    const verify = (now: number, tolerance?: number) => () =>
      verifyWebhook(VECTOR.secret, headers, VECTOR.body, tolerance, now);
    expect(verify(VECTOR.timestamp + 300)).not.toThrow();
    expect(verify(VECTOR.timestamp + 301)).toThrow(/tolerance/);
    expect(verify(VECTOR.timestamp - 301)).toThrow(/tolerance/);
    expect(verify(VECTOR.timestamp + 30, 10)).toThrow(/tolerance/);
    expect(() =>
      verifyWebhook(VECTOR.secret, { ...headers, 'webhook-timestamp': '1614265330.5' }, VECTOR.body),
    ).toThrow(/timestamp/);
    expect(() => verifyWebhook(VECTOR.secret, { 'webhook-id': VECTOR.id }, VECTOR.body)).toThrow(/missing/);
  });
});
