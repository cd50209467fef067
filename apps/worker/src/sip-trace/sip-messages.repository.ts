import { Injectable } from '@nestjs/common';
import { Pool } from 'pg';

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

/** The collector's writes: one multi-row INSERT per batch, and the retention sweep. */
@Injectable()
export class SipMessagesRepository {
  constructor(private readonly pool: Pool) {}

  async insertMany(messages: readonly CapturedSipMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const column = <K extends keyof CapturedSipMessage>(key: K) => messages.map((message) => message[key]);
    await this.pool.query(
      `INSERT INTO sip_messages (sip_call_id, captured_at_us, source_ip, source_port, destination_ip,
                                 destination_port, transport, method, status_code, reason_phrase, cseq, payload)
       SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::int[], $5::text[], $6::int[], $7::text[],
                            $8::text[], $9::int[], $10::text[], $11::text[], $12::text[])`,
      [
        column('sipCallId'),
        column('capturedAtUs').map(String),
        column('sourceIp'),
        column('sourcePort'),
        column('destinationIp'),
        column('destinationPort'),
        column('transport'),
        column('method'),
        column('statusCode'),
        column('reasonPhrase'),
        column('cseq'),
        column('payload'),
      ],
    );
  }

  /** Deletes what was captured before `beforeUs`, at most `limit` rows; returns how many went. */
  async deleteOlderThan(beforeUs: bigint, limit: number): Promise<number> {
    const { rowCount } = await this.pool.query(
      `DELETE FROM sip_messages
        WHERE id IN (SELECT id FROM sip_messages WHERE captured_at_us < $1 ORDER BY captured_at_us LIMIT $2)`,
      [String(beforeUs), limit],
    );
    return rowCount ?? 0;
  }
}
