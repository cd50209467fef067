import { Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import type { KeysetPageRequest } from '../common/pagination';

/** A live row of Kamailio's `location` table, with the SIP user it belongs to. */
export interface RegistrationRow {
  /** The `location` row's id: with the username, the list's order. */
  readonly id: number;
  readonly username: string;
  readonly domain: string;
  readonly contact: string;
  /** `sip:<source ip>:<port>;transport=<proto>`, set by the edge from the REGISTER's source. */
  readonly received: string | null;
  /** The edge's local socket, `<proto>:<ip>:<port>`. */
  readonly socket: string | null;
  readonly userAgent: string;
  readonly expiresAt: Date;
  readonly sipUserId: string | null;
  /** The client token the contact registered with (the edge tags it in location_attrs), if any. */
  readonly clientTokenId: string | null;
}

/** Where a registration stands in the list: by username, then by the edge's row id. */
export type RegistrationOrderKey = readonly [username: string, id: number];

@Injectable()
export class RegistrationsRepository {
  constructor(private readonly pool: Pool) {}

  /**
   * The account's unexpired registrations after page.after, limit + 1 rows. The edge writes `location`
   * (usrloc, write-through) with domain = the account's sipDomain and timestamps in UTC.
   */
  async listActive(accountId: string, page: KeysetPageRequest<RegistrationOrderKey>): Promise<RegistrationRow[]> {
    const [username, id] = page.after ?? [null, null];
    const { rows } = await this.pool.query<RegistrationRow>(
      `SELECT l.id, l.username, l.domain, l.contact, l.received, l.socket, l.user_agent AS "userAgent",
              l.expires AT TIME ZONE 'UTC' AS "expiresAt", u.id AS "sipUserId", t.avalue AS "clientTokenId"
         FROM location l
         JOIN accounts a ON a.sip_domain = l.domain
         LEFT JOIN sip_users u ON u.account_id = a.id AND u.username = l.username
         LEFT JOIN location_attrs t ON t.ruid = l.ruid AND t.aname = 'token'
        WHERE a.id = $1 AND l.expires > (now() AT TIME ZONE 'UTC')
          AND ($2::text IS NULL OR (l.username, l.id) > ($2::text, $3::int))
        ORDER BY l.username, l.id
        LIMIT $4`,
      [accountId, username, id, page.limit + 1],
    );
    return rows;
  }
}
