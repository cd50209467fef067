import { Injectable } from '@nestjs/common';
import { Pool } from 'pg';

export interface RegisteredContact {
  /** `user@sipDomain` */
  readonly aor: string;
  readonly contact: string;
}

/** Contacts registered with a client token: the edge tags each with the token id (usrloc location_attrs). */
@Injectable()
export class TokenContactsRepository {
  constructor(private readonly pool: Pool) {}

  async findByToken(tokenId: string): Promise<RegisteredContact[]> {
    const { rows } = await this.pool.query<RegisteredContact>(
      `SELECT l.username || '@' || l.domain AS aor, l.contact
         FROM location_attrs a JOIN location l ON l.ruid = a.ruid
        WHERE a.aname = 'token' AND a.avalue = $1`,
      [tokenId],
    );
    return rows;
  }
}
