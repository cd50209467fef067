import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import type { SipMessage } from '../generated/client';
import { PrismaService } from '../prisma.service';
import { Sql } from '../sql';

/** A call's ladder holds at most this many messages (a long call with re-INVITEs stays well below). */
export const MAX_LADDER_MESSAGES = 1000;

/** A captured message as stored (sip_messages). */
export interface CapturedSipMessage {
  readonly sipCallId: string;
  readonly capturedAtUs: bigint;
  readonly sourceIp: string;
  readonly sourcePort: number;
  readonly destinationIp: string;
  readonly destinationPort: number;
  readonly transport: string;
  readonly method: string | null;
  readonly statusCode: number | null;
  readonly reasonPhrase: string | null;
  readonly cseq: string;
  readonly payload: string;
}

/**
 * The edge's captured SIP messages: the worker's HEP collector writes them (one multi-row INSERT per batch) and
 * sweeps old ones; the API reads a call's ladder.
 */
@Injectable()
export class SipMessagesRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly sql: Sql,
  ) {}

  /** One statement whatever the batch's size: a column array per column, unnested. */
  async insertMany(messages: readonly CapturedSipMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const column = <K extends keyof CapturedSipMessage>(key: K) => messages.map((message) => message[key]);
    await this.sql
      .insertInto('sip_messages')
      .columns([
        'sip_call_id',
        'captured_at_us',
        'source_ip',
        'source_port',
        'destination_ip',
        'destination_port',
        'transport',
        'method',
        'status_code',
        'reason_phrase',
        'cseq',
        'payload',
      ])
      .expression(
        sql`SELECT * FROM unnest(${column('sipCallId')}::text[], ${column('capturedAtUs').map(String)}::bigint[],
          ${column('sourceIp')}::text[], ${column('sourcePort')}::int[], ${column('destinationIp')}::text[],
          ${column('destinationPort')}::int[], ${column('transport')}::text[], ${column('method')}::text[],
          ${column('statusCode')}::int[], ${column('reasonPhrase')}::text[], ${column('cseq')}::text[],
          ${column('payload')}::text[])`,
      )
      .execute();
  }

  /** Deletes what was captured before `beforeUs`, at most `limit` rows, oldest first; returns how many went. */
  async deleteOlderThan(beforeUs: bigint, limit: number): Promise<number> {
    const result = await this.sql
      .deleteFrom('sip_messages')
      .where('id', 'in', (oldest) =>
        oldest
          .selectFrom('sip_messages')
          .select('id')
          .where('captured_at_us', '<', String(beforeUs))
          .orderBy('captured_at_us')
          .limit(limit),
      )
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** The messages of this Call-ID captured from `sinceUs` on, in capture order (a call's ladder). */
  listByCallId(sipCallId: string, sinceUs: bigint): Promise<SipMessage[]> {
    return this.prisma.sipMessage.findMany({
      where: { sipCallId, capturedAtUs: { gte: sinceUs } },
      orderBy: [{ capturedAtUs: 'asc' }, { id: 'asc' }],
      take: MAX_LADDER_MESSAGES,
    });
  }
}
