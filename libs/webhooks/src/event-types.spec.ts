import { WEBHOOK_EVENT_TYPES, isWebhookEventType, subscribesTo } from './event-types';

describe('webhook event types', () => {
  it('knows the platform events', () => {
    expect(WEBHOOK_EVENT_TYPES).toContain('call.completed');
    expect(isWebhookEventType('registration.removed')).toBe(true);
    expect(isWebhookEventType('call.exploded')).toBe(false);
    expect(isWebhookEventType('*')).toBe(false);
  });

  it('matches subscriptions by type or wildcard', () => {
    expect(subscribesTo(['call.ringing'], 'call.ringing')).toBe(true);
    expect(subscribesTo(['call.ringing'], 'call.answered')).toBe(false);
    expect(subscribesTo(['*'], 'webhook.disabled')).toBe(true);
  });
});
