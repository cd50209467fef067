import { Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import type { CarrierRegistrationState } from './carrier-registrations';

/** The carriers' registration columns, as the edge reports them; `since` moves only when the state does. */
@Injectable()
export class CarrierRegistrationsRepository {
  constructor(private readonly pool: Pool) {}

  /** Returns the accounts whose carriers' registration state changed (their dashboards refresh). */
  async save(states: readonly CarrierRegistrationState[]): Promise<string[]> {
    const updated = await this.pool.query<{ accountId: string; changed: boolean }>(
      `UPDATE carriers c
          SET registration_state = s.state,
              registration_detail = s.detail,
              registration_expires_at = s.expires_at,
              registration_since = CASE WHEN c.registration_state = s.state AND c.registration_since IS NOT NULL
                                        THEN c.registration_since ELSE now() AT TIME ZONE 'UTC' END
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::timestamp[]) AS s(id, state, detail, expires_at),
              carriers before
        WHERE c.id = s.id AND before.id = c.id
    RETURNING c.account_id AS "accountId", before.registration_state IS DISTINCT FROM s.state AS changed`,
      [
        states.map((state) => state.carrierId),
        states.map((state) => state.state),
        states.map((state) => state.detail),
        states.map((state) => state.expiresAt?.toISOString().replace('Z', '') ?? null),
      ],
    );
    // A carrier the edge no longer registers (registration turned off, carrier disabled) is unregistered.
    const dropped = await this.pool.query<{ accountId: string }>(
      `UPDATE carriers
          SET registration_state = 'unregistered', registration_detail = NULL, registration_expires_at = NULL,
              registration_since = now() AT TIME ZONE 'UTC'
        WHERE registration_state <> 'unregistered' AND NOT (id = ANY($1::uuid[]))
    RETURNING account_id AS "accountId"`,
      [states.map((state) => state.carrierId)],
    );
    const changed = updated.rows.filter((row) => row.changed);
    return [...new Set([...changed, ...dropped.rows].map((row) => row.accountId))];
  }
}
