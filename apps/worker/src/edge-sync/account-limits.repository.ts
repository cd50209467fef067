import { Injectable } from '@nestjs/common';
import { Pool } from 'pg';

/** What view kamailio_account_limits (the edge's htable acctlimits at start) holds for one account. */
@Injectable()
export class AccountLimitsRepository {
  constructor(private readonly pool: Pool) {}

  /** key_name → key_value of the domain's rows (`<sipDomain>::calls`, `<sipDomain>::regs`), only those set. */
  async findEdgeLimits(sipDomain: string): Promise<Map<string, string>> {
    const { rows } = await this.pool.query<{ key_name: string; key_value: string }>(
      'SELECT key_name, key_value FROM kamailio_account_limits WHERE key_name IN ($1, $2)',
      [`${sipDomain}::calls`, `${sipDomain}::regs`],
    );
    return new Map(rows.map((row) => [row.key_name, row.key_value]));
  }
}
