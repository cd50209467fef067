import { Injectable } from '@nestjs/common';
import { type CallState, statusName } from '@callwire/calls';
import { Pool } from 'pg';
import { type Call, PrismaService, uuidv7 } from '@callwire/database';
import type { CallDirection } from '@callwire/queues';

/** The call as stored, or null; given to a transition that decides what to store instead. */
export type CallTransitionFn = (current: CallState | null) => CallState | null;

function stateOf(call: Call): CallState {
  return { ...call, status: statusName(call.status) };
}

/** Which call a transition is for, and what a new record of it starts with. */
export interface NewCallKey {
  readonly accountId: string;
  readonly sipCallId: string;
  readonly direction: CallDirection;
  readonly applicationId?: string;
}

@Injectable()
export class CallRecordsRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly pool: Pool,
  ) {}

  /** The call.* webhook types already published for a call. */
  async publishedTypes(accountId: string, callId: string): Promise<Set<string>> {
    const events = await this.prisma.webhookEvent.findMany({
      where: { accountId, orderingKey: callId },
      select: { type: true },
    });
    return new Set(events.map((event) => event.type));
  }

  /**
   * Reads the call with its row locked, lets `transition` decide, and stores the result: concurrent
   * events of one call (several workers) apply one after the other. Returns the stored call (changed or not).
   * Plain SQL on the pg pool: this runs for every edge event, and a Prisma interactive transaction costs
   * tens of milliseconds here.
   */
  async transition(call: NewCallKey, transition: CallTransitionFn): Promise<Call | null> {
    const { accountId, sipCallId, direction, applicationId } = call;
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<Call>(
        `SELECT ${CALL_COLUMNS} FROM calls WHERE account_id = $1 AND sip_call_id = $2 FOR UPDATE`,
        [accountId, sipCallId],
      );
      const current = rows[0] ?? null;
      const next = transition(current ? stateOf(current) : null);
      let stored = current;
      if (next && current) {
        stored =
          (
            await client.query<Call>(`UPDATE calls SET ${UPDATE_SET} WHERE id = $1 RETURNING ${CALL_COLUMNS}`, [
              current.id,
              ...valuesOf(next),
            ])
          ).rows[0] ?? null;
      } else if (next) {
        stored =
          (
            await client.query<Call>(
              `INSERT INTO calls (id, account_id, sip_call_id, direction, application_id, ${STATE_COLUMNS.map((column) => `"${column}"`).join(', ')}, updated_at)
             VALUES ($1, $2, $3, $4, $5, ${STATE_COLUMNS.map((_, i) => placeholder(STATE_COLUMNS[i] ?? '', i + 6)).join(', ')},
                     now() AT TIME ZONE 'UTC')
             RETURNING ${CALL_COLUMNS}`,
              [
                uuidv7(next.startedAt.getTime()),
                accountId,
                sipCallId,
                direction,
                applicationId ?? null,
                ...valuesOf(next),
              ],
            )
          ).rows[0] ?? null;
      }
      await client.query('COMMIT');
      return stored;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}

/** Columns of CallState, in the order valuesOf() gives them. */
const STATE_COLUMNS = [
  'status',
  'from',
  'to',
  'transport',
  'started_at',
  'ringing_at',
  'answered_at',
  'ended_at',
  'duration_ms',
  'sip_status',
  'reason',
  'hangup_by',
] as const;
const TIMESTAMPS = new Set(['started_at', 'ringing_at', 'answered_at', 'ended_at']);

/** Timestamps are stored without a zone, in UTC (as Prisma does). */
function placeholder(column: string, index: number): string {
  if (column === 'status') return `$${index}::call_status`;
  return TIMESTAMPS.has(column) ? `$${index}::timestamptz AT TIME ZONE 'UTC'` : `$${index}`;
}

const UPDATE_SET = [
  ...STATE_COLUMNS.map((column, i) => `"${column}" = ${placeholder(column, i + 2)}`),
  `updated_at = now() AT TIME ZONE 'UTC'`,
].join(', ');

/** As Prisma's Call: camelCase, timestamps read as UTC. */
const CALL_COLUMNS = `id, account_id AS "accountId", sip_call_id AS "sipCallId", "from", "to", direction,
  application_id AS "applicationId", transport,
  status::text AS status, sip_status AS "sipStatus", reason, hangup_by AS "hangupBy",
  started_at AT TIME ZONE 'UTC' AS "startedAt", ringing_at AT TIME ZONE 'UTC' AS "ringingAt",
  answered_at AT TIME ZONE 'UTC' AS "answeredAt", ended_at AT TIME ZONE 'UTC' AS "endedAt",
  duration_ms AS "durationMs", created_at AT TIME ZONE 'UTC' AS "createdAt", updated_at AT TIME ZONE 'UTC' AS "updatedAt"`;

function valuesOf(state: CallState): unknown[] {
  const iso = (date: Date | null) => date?.toISOString() ?? null;
  return [
    state.status, // the database's enum labels are the API's names (in-progress, no-answer)
    state.from,
    state.to,
    state.transport,
    iso(state.startedAt),
    iso(state.ringingAt),
    iso(state.answeredAt),
    iso(state.endedAt),
    state.durationMs,
    state.sipStatus,
    state.reason,
    state.hangupBy,
  ];
}
