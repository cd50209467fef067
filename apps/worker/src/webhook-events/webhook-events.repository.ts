import { Injectable } from '@nestjs/common';
import { Pool, type PoolClient } from 'pg';
import { uuidv7 } from '@callwire/database';
import { ALL_WEBHOOK_EVENTS, type WebhookEventType } from '@callwire/webhooks';

export interface NewWebhookEvent {
  readonly accountId: string;
  readonly type: WebhookEventType;
  /** The event's `data` as receivers get it (JSON). */
  readonly data: Record<string, unknown>;
  /**
   * Events with the same key (e.g. a call's id) reach each endpoint in order: the next one waits. With the
   * type, the key is unique per account: publishing (orderingKey, type) again is a no-op (a call's step is
   * published once however often it is replayed).
   */
  readonly orderingKey?: string;
  /** When it happened (default now): the payload's createdAt, and the order of events with one key. */
  readonly createdAt?: Date;
  /** A call routed by an application: that application's status callback endpoints receive it too, no other's. */
  readonly applicationId?: string | null;
}

/** A delivery a batch created, with what sending it needs (the event's payload is the caller's). */
export interface CreatedDelivery {
  readonly deliveryId: string;
  readonly eventId: string;
  readonly endpointId: string;
  readonly url: string;
  readonly secretEncrypted: Uint8Array;
}

export interface StoredWebhookEvent {
  readonly eventId: string;
  /** The deliveries to queue: all of a new event, the pending ones of a duplicate. */
  readonly deliveryIds: string[];
  /** The account already had this event (same orderingKey and type): nothing was stored. */
  readonly duplicate: boolean;
}

/** A UUIDv7 made by PostgreSQL (current milliseconds, version 7, variant 10, random rest), one per row. */
const UUIDV7_SQL = `overlay(overlay(overlay(md5(random()::text || clock_timestamp()::text)
    placing lpad(to_hex(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint), 12, '0') from 1 for 12)
    placing '7' from 13 for 1) placing substr('89ab', floor(random() * 4)::int + 1, 1) from 17 for 1)::uuid`;

/**
 * The busiest write of the worker (several per call), hence one SQL statement on the pg pool rather than
 * a Prisma transaction (see pg-pool.provider.ts).
 */
@Injectable()
export class WebhookEventsRepository {
  constructor(private readonly pool: Pool) {}

  /**
   * At once: the event and one pending delivery, due now, per enabled endpoint of the account subscribed
   * to its type. Null (nothing stored) when no endpoint wants it. An event whose (orderingKey, type) the
   * account already has is not stored again (`duplicate`): its pending deliveries are returned.
   */
  async createWithDeliveries(event: NewWebhookEvent, now: Date): Promise<StoredWebhookEvent | null> {
    const createdAt = event.createdAt ?? now;
    // One statement, so one transaction: an event is never stored without its deliveries.
    const { rows } = await this.pool.query<{ eventId: string | null; endpoints: number; deliveryIds: string[] }>(
      `WITH endpoints AS (
         SELECT id FROM webhook_endpoints
          WHERE account_id = $1 AND enabled AND events && ARRAY[$2, $7]::text[]
            AND (application_id IS NULL OR application_id = $9::uuid)
       ), inserted AS (
         INSERT INTO webhook_events (id, account_id, type, ordering_key, data, created_at)
         SELECT $3, $1, $2, $4, $5::jsonb, $6::timestamptz AT TIME ZONE 'UTC' WHERE EXISTS (SELECT 1 FROM endpoints)
         ON CONFLICT (account_id, ordering_key, type) DO NOTHING
         RETURNING id
       ), deliveries AS (
         INSERT INTO webhook_deliveries (id, endpoint_id, event_id, next_attempt_at, updated_at)
         SELECT ${UUIDV7_SQL}, e.id, i.id, $8::timestamptz AT TIME ZONE 'UTC', $8::timestamptz AT TIME ZONE 'UTC'
           FROM endpoints e CROSS JOIN inserted i
         RETURNING id
       )
       SELECT (SELECT id FROM inserted) AS "eventId", (SELECT count(*) FROM endpoints)::int AS endpoints,
              array(SELECT id FROM deliveries ORDER BY id) AS "deliveryIds"`,
      [
        event.accountId,
        event.type,
        uuidv7(createdAt.getTime()),
        event.orderingKey ?? null,
        JSON.stringify(event.data),
        createdAt.toISOString(),
        ALL_WEBHOOK_EVENTS,
        now.toISOString(),
        event.applicationId ?? null,
      ],
    );
    const row = rows[0];
    if (!row || row.endpoints === 0) return null;
    if (!row.eventId) return this.existing(event);
    return { eventId: row.eventId, deliveryIds: row.deliveryIds, duplicate: false };
  }

  /**
   * createWithDeliveries for many events at once, in ONE statement on the caller's connection (inside its
   * transaction): each event that an enabled endpoint subscribes to is stored with its id, and one pending
   * delivery per such endpoint. An event whose (orderingKey, type) the account already has is skipped (a
   * replay). Returns the deliveries created, with their endpoint's URL and encrypted secret, in the order of
   * `events` (ids need not sort that way: two steps of a call may share a millisecond).
   */
  async createManyWithDeliveries(
    client: PoolClient,
    events: readonly (NewWebhookEvent & { readonly id: string })[],
    now: Date,
  ): Promise<CreatedDelivery[]> {
    if (events.length === 0) return [];
    const { rows } = await client.query<{
      deliveryId: string;
      eventId: string;
      endpointId: string;
      url: string;
      secretEncrypted: Buffer;
    }>(
      `WITH input AS (
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::jsonb[], $6::timestamptz[], $7::uuid[])
           WITH ORDINALITY AS t(id, account_id, type, ordering_key, data, created_at, application_id, position)
       ), targets AS (
         SELECT i.id AS event_id, i.position, p.id AS endpoint_id, p.url, p.secret_encrypted
           FROM input i JOIN webhook_endpoints p
             ON p.account_id = i.account_id AND p.enabled AND p.events && ARRAY[i.type, $8]::text[]
            AND (p.application_id IS NULL OR p.application_id = i.application_id)
       ), inserted AS (
         INSERT INTO webhook_events (id, account_id, type, ordering_key, data, created_at)
         SELECT i.id, i.account_id, i.type, i.ordering_key, i.data, i.created_at AT TIME ZONE 'UTC'
           FROM input i WHERE EXISTS (SELECT 1 FROM targets t WHERE t.event_id = i.id)
         ON CONFLICT (account_id, ordering_key, type) DO NOTHING
         RETURNING id
       ), deliveries AS (
         INSERT INTO webhook_deliveries (id, endpoint_id, event_id, next_attempt_at, updated_at)
         SELECT ${UUIDV7_SQL}, t.endpoint_id, t.event_id, $9::timestamptz AT TIME ZONE 'UTC', $9::timestamptz AT TIME ZONE 'UTC'
           FROM targets t JOIN inserted i ON i.id = t.event_id
         RETURNING id, event_id, endpoint_id
       )
       SELECT d.id AS "deliveryId", d.event_id AS "eventId", d.endpoint_id AS "endpointId", t.url,
              t.secret_encrypted AS "secretEncrypted"
         FROM deliveries d JOIN targets t ON t.event_id = d.event_id AND t.endpoint_id = d.endpoint_id
        ORDER BY t.position, d.id`,
      [
        events.map((event) => event.id),
        events.map((event) => event.accountId),
        events.map((event) => event.type),
        events.map((event) => event.orderingKey ?? null),
        events.map((event) => JSON.stringify(event.data)),
        events.map((event) => (event.createdAt ?? now).toISOString()),
        events.map((event) => event.applicationId ?? null),
        ALL_WEBHOOK_EVENTS,
        now.toISOString(),
      ],
    );
    return rows.map((row) => ({ ...row, secretEncrypted: new Uint8Array(row.secretEncrypted) }));
  }

  private async existing(event: NewWebhookEvent): Promise<StoredWebhookEvent | null> {
    const { rows } = await this.pool.query<{ eventId: string; deliveryIds: string[] }>(
      `SELECT e.id AS "eventId",
              array(SELECT d.id FROM webhook_deliveries d WHERE d.event_id = e.id AND d.state = 'pending') AS "deliveryIds"
         FROM webhook_events e
        WHERE e.account_id = $1 AND e.ordering_key = $2 AND e.type = $3`,
      [event.accountId, event.orderingKey ?? null, event.type],
    );
    const stored = rows[0];
    return stored ? { eventId: stored.eventId, deliveryIds: stored.deliveryIds, duplicate: true } : null;
  }
}
