import { Injectable } from '@nestjs/common';
import type { KeysetPageRequest } from '../pagination';
import { Sql } from '../sql';

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

export interface RegisteredContact {
  /** `user@sipDomain` */
  readonly aor: string;
  readonly contact: string;
}

/**
 * Kamailio's registrations: `location` and its `location_attrs`, which the edge writes (usrloc, write-through,
 * domain = the account's sipDomain, timestamps in UTC); the platform only reads them. The API lists them and
 * routes calls to registered users, the worker finds the contacts of a revoked client token.
 */
@Injectable()
export class LocationRepository {
  constructor(private readonly sql: Sql) {}

  /** The account's unexpired registrations after page.after, limit + 1 rows. */
  async listActive(
    accountId: string,
    page: KeysetPageRequest<RegistrationOrderKey>,
    now = new Date(),
  ): Promise<RegistrationRow[]> {
    let query = this.sql
      .selectFrom('location as l')
      .innerJoin('accounts as a', 'a.sip_domain', 'l.domain')
      .leftJoin('sip_users as u', (join) =>
        join.onRef('u.account_id', '=', 'a.id').onRef('u.username', '=', 'l.username'),
      )
      .leftJoin('location_attrs as t', (join) => join.onRef('t.ruid', '=', 'l.ruid').on('t.aname', '=', 'token'))
      .select([
        'l.id',
        'l.username',
        'a.sip_domain as domain',
        'l.contact',
        'l.received',
        'l.socket',
        'l.user_agent as userAgent',
        'l.expires as expiresAt',
        'u.id as sipUserId',
        't.avalue as clientTokenId',
      ])
      .where('a.id', '=', accountId)
      .where('l.expires', '>', now);
    if (page.after) {
      const [username, id] = page.after;
      query = query.where(({ eb, refTuple, tuple }) => eb(refTuple('l.username', 'l.id'), '>', tuple(username, id)));
    }
    const rows = await query
      .orderBy('l.username')
      .orderBy('l.id')
      .limit(page.limit + 1)
      .execute();
    return rows;
  }

  /**
   * Of these users of the domain, those registered now. Runs for routing decisions: a prepared statement with
   * one array parameter (its text never varies with the number of users).
   */
  async findRegistered(sipDomain: string, users: readonly string[], now = new Date()): Promise<Set<string>> {
    if (users.length === 0) return new Set();
    const rows = await this.sql.prepared('location-registered-users', [sipDomain, [...users], now], () =>
      this.sql
        .selectFrom('location')
        .select('username')
        .distinct()
        .where('domain', '=', sipDomain)
        .where(({ eb, fn, val }) => eb('username', '=', fn.any(val([...users]))))
        .where('expires', '>', now),
    );
    return new Set(rows.map((row) => row.username));
  }

  /** Contacts registered with a client token: the edge tags each with the token id (location_attrs 'token'). */
  findContactsByToken(tokenId: string): Promise<RegisteredContact[]> {
    return this.sql
      .selectFrom('location_attrs as t')
      .innerJoin('location as l', 'l.ruid', 't.ruid')
      .select(({ eb, ref, val }) => [
        eb(eb(ref('l.username'), '||', val('@')), '||', ref('l.domain'))
          .$castTo<string>()
          .as('aor'),
        'l.contact',
      ])
      .where('t.aname', '=', 'token')
      .where('t.avalue', '=', tokenId)
      .execute();
  }
}
