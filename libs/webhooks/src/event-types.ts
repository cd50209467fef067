/**
 * Every event type an endpoint can subscribe to. The worker publishes them; the API validates
 * subscriptions against this list. `*` subscribes to all of them, including types added later.
 */
export const WEBHOOK_EVENT_TYPES = [
  'call.initiated',
  'call.ringing',
  'call.answered',
  'call.completed',
  'registration.created',
  'registration.removed',
  'webhook.disabled',
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Subscribes an endpoint to every event type. */
export const ALL_WEBHOOK_EVENTS = '*';

export function isWebhookEventType(value: string): value is WebhookEventType {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value);
}

/** Does an endpoint with these subscriptions receive events of this type? */
export function subscribesTo(events: readonly string[], type: WebhookEventType): boolean {
  return events.includes(type) || events.includes(ALL_WEBHOOK_EVENTS);
}

/** The JSON body POSTed to endpoints; `id` is also the `webhook-id` header. */
export interface WebhookPayload {
  readonly id: string;
  readonly type: WebhookEventType;
  /** ISO 8601. */
  readonly createdAt: string;
  readonly accountId: string;
  readonly data: Record<string, unknown>;
}
