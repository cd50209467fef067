import { Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import type { GatewayStatus } from '@callwire/sip';

/** A gateway to check, with the status it had when the round started. */
export interface GatewayToCheck {
  readonly id: string;
  readonly carrierId: string;
  readonly accountId: string;
  readonly host: string;
  readonly port: number;
  /** udp, tcp or tls (the API allows no other). */
  readonly transport: string;
  readonly status: string;
}

/** The outcome of one gateway's OPTIONS. */
export interface GatewayCheck {
  readonly gateway: GatewayToCheck;
  readonly status: GatewayStatus;
  readonly response: string;
  readonly checkedAt: Date;
}

/** The gateways the health checks probe, and where their results go (plain SQL: one UPDATE per batch). */
@Injectable()
export class GatewayHealthRepository {
  constructor(private readonly pool: Pool) {}

  /** The gateways of the enabled carriers (of one carrier when `carrierId` is given). */
  async findToCheck(carrierId?: string): Promise<GatewayToCheck[]> {
    const { rows } = await this.pool.query<GatewayToCheck>(
      `SELECT g.id, g.carrier_id AS "carrierId", c.account_id AS "accountId", g.host, g.port, g.transport, g.status
         FROM carrier_gateways g
         JOIN carriers c ON c.id = g.carrier_id
        WHERE c.enabled AND ($1::uuid IS NULL OR c.id = $1::uuid)
        ORDER BY g.id`,
      [carrierId ?? null],
    );
    return rows;
  }

  /**
   * Stores the results in one statement. statusSince moves only when the status changes. A result is
   * dropped when the gateway's address changed since it was read, or when a newer one is stored already
   * (two rounds overlapped on two workers).
   */
  async saveChecks(checks: readonly GatewayCheck[]): Promise<void> {
    if (checks.length === 0) return;
    await this.pool.query(
      `UPDATE carrier_gateways g
          SET status = r.status,
              last_response = r.response,
              last_checked_at = r.checked_at AT TIME ZONE 'UTC',
              status_since = CASE WHEN g.status = r.status THEN COALESCE(g.status_since, r.checked_at AT TIME ZONE 'UTC')
                                  ELSE r.checked_at AT TIME ZONE 'UTC' END
         FROM unnest($1::uuid[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::timestamptz[])
              AS r(id, host, port, transport, status, response, checked_at)
        WHERE g.id = r.id AND g.host = r.host AND g.port = r.port AND g.transport = r.transport
          AND (g.last_checked_at IS NULL OR g.last_checked_at <= r.checked_at AT TIME ZONE 'UTC')`,
      [
        checks.map((check) => check.gateway.id),
        checks.map((check) => check.gateway.host),
        checks.map((check) => check.gateway.port),
        checks.map((check) => check.gateway.transport),
        checks.map((check) => check.status),
        checks.map((check) => check.response),
        checks.map((check) => check.checkedAt),
      ],
    );
  }
}
