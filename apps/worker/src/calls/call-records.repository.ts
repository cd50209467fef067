import { Injectable } from '@nestjs/common';
import { type CallState, statusName } from '@callwire/calls';
import { Pool, type PoolClient } from 'pg';
import { type Call, uuidv7 } from '@callwire/database';
import type { CallDirection } from '@callwire/queues';
import { callKey } from './call-events.fold';

function stateOf(call: Call): CallState {
  return { ...call, status: statusName(call.status) };
}

/** Which call an event is for, and what a new record of it starts with. */
export interface CallKey {
  readonly accountId: string;
  readonly sipCallId: string;
  readonly direction: CallDirection;
  readonly applicationId?: string;
}

@Injectable()
export class CallRecordsRepository {
  constructor(private readonly pool: Pool) {}

  /**
   * The locked-read → decide → save cycle for a batch of events in ONE transaction: the batch's calls are read
   * with one statement (FOR UPDATE, in id order so that concurrent writers never deadlock), `decide` folds the
   * events into them, every changed call is written with one INSERT … ON CONFLICT DO UPDATE, and `afterSave`
   * (the webhook events and their deliveries) runs on the same connection before COMMIT.
   */
  async applyBatch<Result>(
    keys: readonly CallKey[],
    decide: (stored: ReadonlyMap<string, CallState>) => ReadonlyMap<string, CallState>,
    afterSave: (client: PoolClient, saved: ReadonlyMap<string, Call>) => Promise<Result>,
  ): Promise<Result> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<Call>(
        `SELECT ${CALL_COLUMNS} FROM calls
          WHERE (account_id, sip_call_id) IN (SELECT * FROM unnest($1::uuid[], $2::text[]))
          ORDER BY id FOR UPDATE`,
        [keys.map((key) => key.accountId), keys.map((key) => key.sipCallId)],
      );
      const stored = new Map(rows.map((call) => [callKey(call.accountId, call.sipCallId), call]));
      const changed = decide(new Map([...stored].map(([key, call]) => [key, stateOf(call)])));
      const byKey = new Map(keys.map((key) => [callKey(key.accountId, key.sipCallId), key]));
      const writes = [...changed].flatMap(([key, state]) => {
        const call = byKey.get(key);
        return call ? [{ call, state, id: stored.get(key)?.id ?? uuidv7(state.startedAt.getTime()) }] : [];
      });
      const saved = new Map<string, Call>();
      if (writes.length > 0) {
        const { rows: written } = await client.query<Call>(UPSERT_CALLS, upsertValues(writes));
        for (const call of written) saved.set(callKey(call.accountId, call.sipCallId), call);
      }
      const result = await afterSave(client, saved);
      await client.query('COMMIT');
      return result;
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
  'caller_codec',
  'callee_codec',
] as const;
/** As Prisma's Call: camelCase, timestamps read as UTC. */
const CALL_COLUMNS = `id, account_id AS "accountId", sip_call_id AS "sipCallId", "from", "to", direction,
  application_id AS "applicationId", transport,
  status::text AS status, sip_status AS "sipStatus", reason, hangup_by AS "hangupBy",
  caller_codec AS "callerCodec", callee_codec AS "calleeCodec",
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
    state.callerCodec,
    state.calleeCodec,
  ];
}

/** Every changed call of a batch in one statement: new ones inserted, known ones updated. */
const UPSERT_CALLS = `INSERT INTO calls (id, account_id, sip_call_id, direction, application_id,
    ${STATE_COLUMNS.map((column) => `"${column}"`).join(', ')}, updated_at)
  SELECT id, account_id, sip_call_id, direction, application_id, status::call_status, "from", "to", transport,
         started_at AT TIME ZONE 'UTC', ringing_at AT TIME ZONE 'UTC', answered_at AT TIME ZONE 'UTC',
         ended_at AT TIME ZONE 'UTC', duration_ms, sip_status, reason, hangup_by, caller_codec, callee_codec,
         now() AT TIME ZONE 'UTC'
    FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::uuid[], $6::text[], $7::text[], $8::text[],
                $9::text[], $10::timestamptz[], $11::timestamptz[], $12::timestamptz[], $13::timestamptz[],
                $14::int[], $15::int[], $16::text[], $17::text[], $18::text[], $19::text[])
      AS t(id, account_id, sip_call_id, direction, application_id, status, "from", "to", transport, started_at,
           ringing_at, answered_at, ended_at, duration_ms, sip_status, reason, hangup_by, caller_codec, callee_codec)
  ON CONFLICT (account_id, sip_call_id) DO UPDATE SET
    ${STATE_COLUMNS.map((column) => `"${column}" = EXCLUDED."${column}"`).join(', ')},
    updated_at = EXCLUDED.updated_at
  RETURNING ${CALL_COLUMNS}`;

/** Column arrays for UPSERT_CALLS, in its order (the key's columns, then valuesOf()'s). */
function upsertValues(writes: readonly { call: CallKey; state: CallState; id: string }[]): unknown[][] {
  const columns: unknown[][] = Array.from({ length: 5 + STATE_COLUMNS.length }, () => []);
  for (const { call, state, id } of writes) {
    const row = [id, call.accountId, call.sipCallId, call.direction, call.applicationId ?? null, ...valuesOf(state)];
    row.forEach((value, i) => columns[i]?.push(value));
  }
  return columns;
}
