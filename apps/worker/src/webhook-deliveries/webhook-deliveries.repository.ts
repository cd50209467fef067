import { Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import { type Prisma, PrismaService, type WebhookDeliveryState } from '@callwire/database';

/** A delivery with what sending it needs: its event and its endpoint (secret still encrypted). */
export type DeliveryWithContext = Prisma.WebhookDeliveryGetPayload<{
  include: {
    event: true;
    endpoint: { select: { id: true; accountId: true; url: true; enabled: true; secretEncrypted: true } };
  };
}>;

/** What an attempt leaves on the delivery row. */
export interface AttemptRecord {
  readonly state: WebhookDeliveryState;
  readonly lastStatusCode: number | null;
  readonly lastLatencyMs: number | null;
  readonly lastError: string | null;
  readonly nextAttemptAt: Date | null;
}

/** The endpoint after a delivery to it finally failed. */
export interface FailedEndpoint {
  readonly id: string;
  readonly accountId: string;
  readonly url: string;
  readonly enabled: boolean;
  readonly failureStreak: number;
}

/** The event a delivery carries, as far as ordering goes. */
export interface OrderedEvent {
  readonly id: string;
  readonly accountId: string;
  readonly orderingKey: string;
  readonly createdAt: Date;
}

/** A delivery row with its event's and endpoint's columns, read in one query (see load()). */
interface DeliveryRow {
  readonly id: string;
  readonly endpointId: string;
  readonly eventId: string;
  readonly state: WebhookDeliveryState;
  readonly attempts: number;
  readonly lastStatusCode: number | null;
  readonly lastLatencyMs: number | null;
  readonly lastError: string | null;
  readonly nextAttemptAt: Date | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly eventAccountId: string;
  readonly eventType: string;
  readonly eventOrderingKey: string | null;
  readonly eventData: Prisma.JsonValue;
  readonly eventCreatedAt: Date;
  readonly endpointAccountId: string;
  readonly endpointUrl: string;
  readonly endpointEnabled: boolean;
  readonly endpointSecret: Buffer;
}

/** Timestamps are stored without a zone, in UTC (as Prisma does): read them as such. */
const utc = (column: string, as: string) => `${column} AT TIME ZONE 'UTC' AS "${as}"`;

/**
 * The worker's side of deliveries. Writes after an attempt are guarded by the attempt number they
 * belong to: when a replay restarted the delivery meanwhile, they change nothing. The statements of every
 * attempt (load, ordering check, claim, success, next) are plain SQL on the pg pool: with Prisma's query
 * compiler they made the worker CPU-bound (docs/BENCHMARKS.md, webhooks).
 */
/** A call delivery stored and never attempted, with its call and its ordering chain (endpoint, key). */
export interface StrandedDelivery {
  readonly id: string;
  readonly sipCallId: string;
  readonly endpointId: string;
  readonly orderingKey: string;
}

@Injectable()
export class WebhookDeliveriesRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly pool: Pool,
  ) {}

  async load(id: string): Promise<DeliveryWithContext | null> {
    const { rows } = await this.pool.query<DeliveryRow>(
      `SELECT d.id, d.endpoint_id AS "endpointId", d.event_id AS "eventId", d.state::text AS state, d.attempts,
              d.last_status_code AS "lastStatusCode", d.last_latency_ms AS "lastLatencyMs", d.last_error AS "lastError",
              ${utc('d.next_attempt_at', 'nextAttemptAt')}, ${utc('d.created_at', 'createdAt')},
              ${utc('d.updated_at', 'updatedAt')},
              e.account_id AS "eventAccountId", e.type AS "eventType", e.ordering_key AS "eventOrderingKey",
              e.data AS "eventData", ${utc('e.created_at', 'eventCreatedAt')},
              p.account_id AS "endpointAccountId", p.url AS "endpointUrl", p.enabled AS "endpointEnabled",
              p.secret_encrypted AS "endpointSecret"
         FROM webhook_deliveries d
         JOIN webhook_events e ON e.id = d.event_id
         JOIN webhook_endpoints p ON p.id = d.endpoint_id
        WHERE d.id = $1`,
      [id],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id,
      endpointId: row.endpointId,
      eventId: row.eventId,
      state: row.state,
      attempts: row.attempts,
      lastStatusCode: row.lastStatusCode,
      lastLatencyMs: row.lastLatencyMs,
      lastError: row.lastError,
      nextAttemptAt: row.nextAttemptAt,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      event: {
        id: row.eventId,
        accountId: row.eventAccountId,
        type: row.eventType,
        orderingKey: row.eventOrderingKey,
        data: row.eventData,
        createdAt: row.eventCreatedAt,
      },
      endpoint: {
        id: row.endpointId,
        accountId: row.endpointAccountId,
        url: row.endpointUrl,
        enabled: row.endpointEnabled,
        secretEncrypted: new Uint8Array(row.endpointSecret),
      },
    };
  }

  /** Counts the attempt about to be made; false when the delivery changed since it was loaded. */
  async claimAttempt(id: string, attemptsSoFar: number): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `UPDATE webhook_deliveries SET attempts = $2 + 1, updated_at = now() AT TIME ZONE 'UTC'
        WHERE id = $1 AND state = 'pending' AND attempts = $2`,
      [id, attemptsSoFar],
    );
    return rowCount === 1;
  }

  /**
   * First attempts made in-process right after the events were stored (WebhookDispatcher), recorded for many
   * deliveries in one statement: succeeded, one attempt, and the endpoints' failure streaks end. A delivery
   * something else has attempted meanwhile (attempts > 0: the sweeper's job) is left to that attempt.
   */
  async recordFirstSuccesses(
    outcomes: readonly { id: string; statusCode: number; latencyMs: number }[],
  ): Promise<void> {
    if (outcomes.length === 0) return;
    await this.pool.query(
      `WITH recorded AS (
         UPDATE webhook_deliveries d
            SET state = 'succeeded', attempts = 1, last_status_code = o.status_code, last_latency_ms = o.latency_ms,
                last_error = NULL, next_attempt_at = NULL, updated_at = now() AT TIME ZONE 'UTC'
           FROM unnest($1::uuid[], $2::int[], $3::int[]) AS o(id, status_code, latency_ms)
          WHERE d.id = o.id AND d.state = 'pending' AND d.attempts = 0
          RETURNING d.endpoint_id
       )
       UPDATE webhook_endpoints SET failure_streak = 0, updated_at = now() AT TIME ZONE 'UTC'
        WHERE id IN (SELECT endpoint_id FROM recorded) AND failure_streak > 0`,
      [outcomes.map((o) => o.id), outcomes.map((o) => o.statusCode), outcomes.map((o) => o.latencyMs)],
    );
  }

  /**
   * Call deliveries never attempted that were stored before `createdBefore`, with their call's SIP Call-ID:
   * what a worker that died between storing and sending left behind (see WebhookDispatcher.recoverStranded).
   */
  async findNeverAttemptedCallDeliveries(createdBefore: Date, limit: number): Promise<StrandedDelivery[]> {
    const { rows } = await this.pool.query<StrandedDelivery>(
      `SELECT d.id, c.sip_call_id AS "sipCallId", d.endpoint_id AS "endpointId", e.ordering_key AS "orderingKey"
         FROM webhook_deliveries d
         JOIN webhook_events e ON e.id = d.event_id
         JOIN calls c ON c.account_id = e.account_id AND c.id::text = e.ordering_key
        WHERE d.state = 'pending' AND d.attempts = 0 AND d.created_at < $1::timestamptz AT TIME ZONE 'UTC'
        ORDER BY d.id
        LIMIT $2`,
      [createdBefore.toISOString(), limit],
    );
    return rows;
  }

  /**
   * A first in-process attempt failed and will be retried by the delivery queue: counted as attempt 1, due at
   * `nextAttemptAt` (or now, for the queue's processor to decide). False when something else attempted it.
   */
  async recordFirstFailure(id: string, record: Omit<AttemptRecord, 'state'>): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `UPDATE webhook_deliveries
          SET attempts = 1, last_status_code = $2, last_latency_ms = $3, last_error = $4,
              next_attempt_at = $5::timestamptz AT TIME ZONE 'UTC', updated_at = now() AT TIME ZONE 'UTC'
        WHERE id = $1 AND state = 'pending' AND attempts = 0`,
      [id, record.lastStatusCode, record.lastLatencyMs, record.lastError, record.nextAttemptAt?.toISOString() ?? null],
    );
    return rowCount === 1;
  }

  /** Records the outcome of attempt `attempt`; false when the delivery was restarted meanwhile. */
  async recordAttempt(id: string, attempt: number, record: AttemptRecord): Promise<boolean> {
    const { count } = await this.prisma.webhookDelivery.updateMany({
      where: { id, state: 'pending', attempts: attempt },
      data: record,
    });
    return count === 1;
  }

  /** The delivery succeeded: its endpoint's failure streak ends (one statement, so one transaction). */
  async recordSuccess(id: string, endpointId: string, attempt: number, record: AttemptRecord): Promise<boolean> {
    const { rows } = await this.pool.query<{ recorded: boolean }>(
      `WITH recorded AS (
         UPDATE webhook_deliveries
            SET state = 'succeeded', last_status_code = $3, last_latency_ms = $4, last_error = NULL,
                next_attempt_at = NULL, updated_at = now() AT TIME ZONE 'UTC'
          WHERE id = $1 AND state = 'pending' AND attempts = $2
          RETURNING id
       ), streak AS (
         UPDATE webhook_endpoints SET failure_streak = 0, updated_at = now() AT TIME ZONE 'UTC'
          WHERE id = $5 AND failure_streak > 0 AND EXISTS (SELECT 1 FROM recorded)
       )
       SELECT EXISTS (SELECT 1 FROM recorded) AS recorded`,
      [id, attempt, record.lastStatusCode, record.lastLatencyMs, endpointId],
    );
    return rows[0]?.recorded ?? false;
  }

  /** The delivery failed for good: one more in its endpoint's failure streak. Null when restarted meanwhile. */
  recordFinalFailure(
    id: string,
    endpointId: string,
    attempt: number,
    record: AttemptRecord,
  ): Promise<FailedEndpoint | null> {
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.webhookDelivery.updateMany({
        where: { id, state: 'pending', attempts: attempt },
        data: record,
      });
      if (count === 0) return null;
      return tx.webhookEndpoint.update({
        where: { id: endpointId },
        data: { failureStreak: { increment: 1 } },
        select: { id: true, accountId: true, url: true, enabled: true, failureStreak: true },
      });
    });
  }

  /** Fails a pending delivery without an attempt (its endpoint is disabled, or its secret unreadable). */
  async abandon(id: string, reason: string): Promise<void> {
    await this.prisma.webhookDelivery.updateMany({
      where: { id, state: 'pending' },
      data: { state: 'failed', lastError: reason, nextAttemptAt: null },
    });
  }

  /** Disables the endpoint unless it already is; true when this call disabled it. */
  async disableEndpoint(id: string, reason: string): Promise<boolean> {
    const { count } = await this.prisma.webhookEndpoint.updateMany({
      where: { id, enabled: true },
      data: { enabled: false, disabledReason: reason },
    });
    return count === 1;
  }

  /** A pending delivery to the endpoint of an earlier event with the same ordering key, if any. */
  async findEarlierPending(
    endpointId: string,
    event: OrderedEvent,
  ): Promise<{ id: string; nextAttemptAt: Date | null } | null> {
    // The index on (account_id, ordering_key, type) serves the lookup of the key's events.
    const { rows } = await this.pool.query<{ id: string; nextAttemptAt: Date | null }>(
      `SELECT d.id, ${utc('d.next_attempt_at', 'nextAttemptAt')}
         FROM webhook_events e JOIN webhook_deliveries d ON d.event_id = e.id
        WHERE e.account_id = $1 AND e.ordering_key = $2 AND d.endpoint_id = $3 AND d.state = 'pending'
          AND (e.created_at, e.id) < ($4::timestamptz AT TIME ZONE 'UTC', $5::uuid)
        LIMIT 1`,
      [event.accountId, event.orderingKey, endpointId, event.createdAt.toISOString(), event.id],
    );
    return rows[0] ?? null;
  }

  /** The next pending delivery to the endpoint of a later event with the same ordering key, if any. */
  async findNextPending(endpointId: string, event: OrderedEvent): Promise<string | null> {
    const { rows } = await this.pool.query<{ id: string }>(
      `SELECT d.id
         FROM webhook_events e JOIN webhook_deliveries d ON d.event_id = e.id
        WHERE e.account_id = $1 AND e.ordering_key = $2 AND d.endpoint_id = $3 AND d.state = 'pending'
          AND (e.created_at, e.id) > ($4::timestamptz AT TIME ZONE 'UTC', $5::uuid)
        ORDER BY e.created_at, e.id
        LIMIT 1`,
      [event.accountId, event.orderingKey, endpointId, event.createdAt.toISOString(), event.id],
    );
    return rows[0]?.id ?? null;
  }

  /** Pending deliveries due before `dueBefore`, by id after `afterId`: the sweeper's candidates. */
  async findDue(dueBefore: Date, afterId: string | null, limit: number): Promise<string[]> {
    const rows = await this.prisma.webhookDelivery.findMany({
      where: {
        state: 'pending',
        OR: [{ nextAttemptAt: { lte: dueBefore } }, { nextAttemptAt: null, createdAt: { lte: dueBefore } }],
        ...(afterId ? { id: { gt: afterId } } : {}),
      },
      orderBy: { id: 'asc' },
      take: limit,
      select: { id: true },
    });
    return rows.map((row) => row.id);
  }
}
