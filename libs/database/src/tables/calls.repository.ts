import { Injectable } from '@nestjs/common';
import { type CallState, type CallStatusName, statusName, storedStatus } from '@callwire/calls';
import { type Selectable, sql } from 'kysely';
import { Pool, type PoolClient } from 'pg';
import type { Call, Prisma } from '../generated/client';
import type { DB } from '../generated/kysely';
import type { PageRequest } from '../pagination';
import { PrismaService } from '../prisma.service';
import { Sql } from '../sql';
import { uuidv7 } from '../uuidv7';

/** Which call an event is for, and what a new record of it starts with. */
export interface CallKey {
  readonly accountId: string;
  readonly sipCallId: string;
  /** internal, inbound or outbound. */
  readonly direction: string;
  readonly applicationId?: string;
}

/** The key of a call record in applyBatch's maps: (account, Call-ID). */
export function callKey(accountId: string, sipCallId: string): string {
  return `${accountId} ${sipCallId}`;
}

/** A DTMF digit sent during a call, as the worker hears it from rtpengine. */
export interface DtmfDigit {
  readonly sipCallId: string;
  /** The call's account when the edge knew it; else its SIP domain names it. */
  readonly accountId?: string;
  readonly sipDomain: string;
  readonly digit: string;
  /** When it was sent (ms since the epoch). */
  readonly at: number;
}

/** The API's filters of the call list. */
export interface CallFilter {
  readonly order?: 'asc' | 'desc';
  readonly status?: CallStatusName;
  readonly from?: string;
  readonly to?: string;
  readonly startedAfter?: Date;
  readonly startedBefore?: Date;
}

/** A call record that is not final yet (initiated, ringing or in-progress), with its account's SIP domain. */
export interface ActiveCall {
  readonly accountId: string;
  readonly sipDomain: string;
  readonly sipCallId: string;
  readonly startedAt: Date;
  readonly answeredAt: Date | null;
}

type CallRow = Selectable<DB['calls']>;
type CallColumn = keyof DB['calls'] & string;

/**
 * Where each part of a CallState is stored, and its type in the batch statement's column arrays. `satisfies`
 * makes the compiler refuse a CallState field without a column, or a column that does not exist.
 */
const STATE_COLUMNS = {
  status: ['status', 'call_status'],
  from: ['from', 'text'],
  to: ['to', 'text'],
  transport: ['transport', 'text'],
  startedAt: ['started_at', 'timestamp'],
  ringingAt: ['ringing_at', 'timestamp'],
  answeredAt: ['answered_at', 'timestamp'],
  endedAt: ['ended_at', 'timestamp'],
  durationMs: ['duration_ms', 'int'],
  sipStatus: ['sip_status', 'int'],
  reason: ['reason', 'text'],
  hangupBy: ['hangup_by', 'text'],
  callerCodec: ['caller_codec', 'text'],
  calleeCodec: ['callee_codec', 'text'],
} as const satisfies { readonly [Field in keyof CallState]-?: readonly [CallColumn, string] };

const KEY_COLUMNS = [
  ['id', 'uuid'],
  ['account_id', 'uuid'],
  ['sip_call_id', 'text'],
  ['direction', 'text'],
  ['application_id', 'uuid'],
] as const satisfies readonly (readonly [CallColumn, string])[];

const STATE_FIELDS = Object.keys(STATE_COLUMNS) as (keyof CallState)[];
const WRITTEN = [...KEY_COLUMNS, ...STATE_FIELDS.map((field) => STATE_COLUMNS[field])];

/**
 * A row as Prisma's Call (camelCase, the status as Prisma spells it: in_progress). Typed against both the
 * generated table and Prisma's model: a column added to the schema fails to compile here until it is read.
 */
function toCall(row: CallRow): Call {
  return {
    id: row.id,
    accountId: row.account_id,
    sipCallId: row.sip_call_id,
    from: row.from,
    to: row.to,
    direction: row.direction,
    transport: row.transport,
    status: storedStatus(row.status) as Call['status'],
    sipStatus: row.sip_status,
    reason: row.reason,
    hangupBy: row.hangup_by,
    dtmfDigits: row.dtmf_digits,
    dtmfAt: row.dtmf_at,
    callerCodec: row.caller_codec,
    calleeCodec: row.callee_codec,
    applicationId: row.application_id,
    startedAt: row.started_at,
    ringingAt: row.ringing_at,
    answeredAt: row.answered_at,
    endedAt: row.ended_at,
    durationMs: row.duration_ms,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  } satisfies { [Field in keyof Call]-?: Call[Field] };
}

function stateOf(call: Call): CallState {
  const state = Object.fromEntries(STATE_FIELDS.map((field) => [field, call[field]])) as Record<string, unknown>;
  return { ...(state as unknown as CallState), status: statusName(call.status) };
}

/**
 * Call records. The worker folds the edge's call events into them (applyBatch: one transaction per batch with
 * its webhook events), ends the ones the edge no longer knows (reconciliation) and keeps DTMF digits; the API
 * lists and shows them. The hot path is Kysely on the shared pool, the API's reads Prisma.
 */
@Injectable()
export class CallsRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly sql: Sql,
    private readonly pool: Pool,
  ) {}

  /** Oldest first (UUIDv7 order) unless `order` is desc, limit + 1 rows; scoped by account. */
  list(accountId: string, filter: CallFilter, page: PageRequest): Promise<Call[]> {
    const order = filter.order ?? 'asc';
    const where: Prisma.CallWhereInput = {
      accountId,
      ...(page.afterId ? { id: order === 'asc' ? { gt: page.afterId } : { lt: page.afterId } } : {}),
      ...(filter.status ? { status: storedStatus(filter.status) as Call['status'] } : {}),
      ...(filter.from ? { from: filter.from } : {}),
      ...(filter.to ? { to: filter.to } : {}),
      startedAt: {
        ...(filter.startedAfter ? { gte: filter.startedAfter } : {}),
        ...(filter.startedBefore ? { lt: filter.startedBefore } : {}),
      },
    };
    return this.prisma.call.findMany({ where, orderBy: { id: order }, take: page.limit + 1 });
  }

  findById(accountId: string, id: string): Promise<Call | null> {
    return this.prisma.call.findFirst({ where: { id, accountId } });
  }

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
      const rows = await this.sql.runOn(client, this.lockCalls(keys));
      const stored = new Map(rows.map((row) => [callKey(row.account_id, row.sip_call_id), toCall(row)]));
      const changed = decide(new Map([...stored].map(([key, call]) => [key, stateOf(call)])));
      const byKey = new Map(keys.map((key) => [callKey(key.accountId, key.sipCallId), key]));
      const writes = [...changed].flatMap(([key, state]) => {
        const call = byKey.get(key);
        return call ? [{ call, state, id: stored.get(key)?.id ?? uuidv7(state.startedAt.getTime()) }] : [];
      });
      const saved = new Map<string, Call>();
      if (writes.length > 0) {
        for (const row of await this.sql.runOn(client, this.upsertCalls(writes))) {
          saved.set(callKey(row.account_id, row.sip_call_id), toCall(row));
        }
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

  /** Every active record of every account (reconciliation with the edge's dialogs). */
  findAllActive(): Promise<ActiveCall[]> {
    return this.activeCalls().execute();
  }

  /** The active record of one call of an account, or null. */
  async findActive(accountId: string, sipCallId: string): Promise<ActiveCall | null> {
    const call = await this.activeCalls()
      .where('c.account_id', '=', accountId)
      .where('c.sip_call_id', '=', sipCallId)
      .executeTakeFirst();
    return call ?? null;
  }

  private activeCalls() {
    return this.sql
      .selectFrom('calls as c')
      .innerJoin('accounts as a', 'a.id', 'c.account_id')
      .select([
        'c.account_id as accountId',
        'a.sip_domain as sipDomain',
        'c.sip_call_id as sipCallId',
        'c.started_at as startedAt',
        'c.answered_at as answeredAt',
      ])
      .where('c.status', 'in', ['initiated', 'ringing', 'in-progress']);
  }

  /**
   * Appends a digit to its call's record when the call's account records DTMF (accounts.record_dtmf); nothing
   * otherwise (digits are often PINs). Only a digit sent after the last one kept is appended, so an edge event
   * applied again (a worker that died before acknowledging its round) does not add its digit twice.
   */
  async appendDtmfDigit(digit: DtmfDigit): Promise<void> {
    const sentAt = new Date(digit.at);
    await this.sql
      .updateTable('calls as c')
      .from('accounts as a')
      .set({
        dtmf_digits: sql`coalesce(c.dtmf_digits, '') || ${digit.digit}`,
        dtmf_at: sentAt,
        updated_at: sql`now() AT TIME ZONE 'UTC'`,
      })
      .whereRef('c.account_id', '=', 'a.id')
      .where('a.record_dtmf', '=', true)
      .where('c.sip_call_id', '=', digit.sipCallId)
      .where((eb) => eb.or([eb('c.dtmf_at', 'is', null), eb('c.dtmf_at', '<', sentAt)]))
      .$if(digit.accountId !== undefined, (query) => query.where('a.id', '=', digit.accountId ?? ''))
      .$if(digit.accountId === undefined, (query) => query.where('a.sip_domain', '=', digit.sipDomain))
      .execute();
  }

  /** The batch's existing records, locked in id order. */
  private lockCalls(keys: readonly CallKey[]) {
    return this.sql
      .selectFrom('calls')
      .selectAll()
      .where(
        sql<boolean>`(account_id, sip_call_id) IN (SELECT * FROM unnest(${keys.map((key) => key.accountId)}::uuid[],
          ${keys.map((key) => key.sipCallId)}::text[]))`,
      )
      .orderBy('id')
      .forUpdate();
  }

  /** Every changed call of a batch in one statement: new ones inserted, known ones updated. */
  private upsertCalls(writes: readonly { call: CallKey; state: CallState; id: string }[]) {
    const arrays = WRITTEN.map(
      ([, type], i) =>
        sql`${writes.map(({ call, state, id }) => {
          if (i >= KEY_COLUMNS.length) return state[STATE_FIELDS[i - KEY_COLUMNS.length]!];
          return [id, call.accountId, call.sipCallId, call.direction, call.applicationId ?? null][i];
        })}::${sql.raw(type)}[]`,
    );
    const stateColumns = STATE_FIELDS.map((field) => STATE_COLUMNS[field][0]);
    return this.sql
      .insertInto('calls')
      .columns([...WRITTEN.map(([column]) => column), 'updated_at'])
      .expression(sql`SELECT *, ${new Date()}::timestamp FROM unnest(${sql.join(arrays)})`)
      .onConflict((conflict) =>
        conflict
          .columns(['account_id', 'sip_call_id'])
          .doUpdateSet(
            Object.fromEntries(
              [...stateColumns, 'updated_at'].map((column) => [column, sql.ref(`excluded.${column}`)]),
            ) as never,
          ),
      )
      .returningAll();
  }
}
