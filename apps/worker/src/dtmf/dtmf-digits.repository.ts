import { Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import type { EdgeDtmfEvent } from '@callwire/queues';

/** The digits of call records, for the accounts that record DTMF (accounts.record_dtmf). */
@Injectable()
export class DtmfDigitsRepository {
  constructor(private readonly pool: Pool) {}

  /**
   * Appends the digit to its call's record when the call's account records DTMF; nothing otherwise (digits are
   * often PINs: an account that did not ask never has them stored). The account is the event's, else its domain's.
   */
  async append(event: EdgeDtmfEvent): Promise<void> {
    await this.pool.query({
      name: 'dtmf-append-digit',
      text: `UPDATE calls c SET dtmf_digits = coalesce(c.dtmf_digits, '') || $4, updated_at = now() AT TIME ZONE 'UTC'
               FROM accounts a
              WHERE c.account_id = a.id AND a.record_dtmf AND c.sip_call_id = $1
                AND CASE WHEN $2::uuid IS NULL THEN a.sip_domain = $3 ELSE a.id = $2::uuid END`,
      values: [event.sipCallId, event.accountId ?? null, event.sipDomain, event.digit],
    });
  }
}
