import { Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import type { DtmfMode, SrtpPolicy } from '@callwire/database';

/** A number a carrier call may be for, with what the call's source proves about the carrier. */
export interface InboundNumber {
  readonly accountId: string;
  readonly sipDomain: string;
  readonly routeType: string;
  readonly routeTarget: string;
  /** A carrier of the number's account that the call comes from (address, credentials or registration). */
  readonly carrierId: string | null;
  /** That carrier's DTMF mode (null without a carrier). */
  readonly carrierDtmf: DtmfMode | null;
  /** That carrier's SRTP policy (null without a carrier): require refuses its plain-RTP calls. */
  readonly carrierSrtp: SrtpPolicy | null;
  /** The account has carriers that authenticate with digest credentials: an unknown source is challenged. */
  readonly challengeable: boolean;
}

/** Who a caller is, as the carrier side knows it. */
export interface CarrierSource {
  readonly sourceIp: string;
  readonly carrierUsername: string | null;
  /** Request-URI user: a carrier's id when the call comes to the contact the edge registered with it. */
  readonly requestUser: string;
}

export interface OutboundGatewayRow {
  readonly routePriority: number;
  readonly carrierId: string;
  readonly host: string;
  readonly port: number;
  readonly transport: string;
  readonly priority: number;
  readonly weight: number;
  readonly status: string;
  readonly authUsername: string | null;
  readonly authPassword: string | null;
  readonly fromDomain: string | null;
  readonly callerIdNumber: string | null;
  /** The carrier's SRTP policy for its leg of the call. */
  readonly srtp: SrtpPolicy;
  /** The carrier's DTMF mode for its leg of the call. */
  readonly dtmf: DtmfMode;
}

export interface ApplicationRow {
  readonly id: string;
  readonly voiceUrl: string;
  readonly fallbackUrl: string | null;
  readonly secretEncrypted: Buffer;
}

// The carrier a call comes from: its source address is in the carrier's list, it authenticated as the
// carrier, or it came to the contact the edge registers with the carrier (whose user is the carrier's id).
// Parameters $n, $n+1, $n+2: source address, digest username, Request-URI user.
function fromCarrier(n: number): string {
  return `c.enabled AND ($${n}::inet <<= ANY(c.inbound_addresses::inet[])
      OR c.inbound_auth_username = $${n + 1} OR (c.register_enabled AND c.id::text = $${n + 2}))`;
}

/**
 * The routing hot path, routing's read model: a handful of indexed queries per call joining the numbers,
 * carriers, gateways, routes and applications their own repositories (libs/database) write. Plain SQL on the
 * shared pool, as named (prepared) statements: PostgreSQL plans each once per connection, not per call. Not
 * Kysely like the repositories: building and compiling these queries with it cost ~55 us of CPU each here
 * (inbound number + outbound gateways: 259-434 us per decision against 143-237 us, measured alternately).
 * Every lookup is scoped by the account the number or the caller belongs to.
 */
@Injectable()
export class EdgeRoutingRepository {
  constructor(private readonly pool: Pool) {}

  async findInboundNumber(candidates: readonly string[], source: CarrierSource): Promise<InboundNumber | null> {
    const { rows } = await this.pool.query<InboundNumber>({
      name: 'route-inbound-number',
      text: `SELECT n.account_id AS "accountId", a.sip_domain AS "sipDomain", n.route_type AS "routeType",
              n.route_target AS "routeTarget", carrier.id AS "carrierId", carrier.dtmf AS "carrierDtmf",
              carrier.srtp AS "carrierSrtp",
              EXISTS (SELECT 1 FROM carriers c WHERE c.account_id = n.account_id AND c.enabled
                         AND c.inbound_auth_username IS NOT NULL) AS "challengeable"
         FROM phone_numbers n JOIN accounts a ON a.id = n.account_id
         LEFT JOIN LATERAL (SELECT c.id, c.dtmf, c.srtp FROM carriers c
                             WHERE c.account_id = n.account_id AND ${fromCarrier(2)}
                             ORDER BY (c.id = n.carrier_id) DESC LIMIT 1) carrier ON true
        WHERE n.number = ANY($1::text[])
        LIMIT 1`,
      values: [candidates, source.sourceIp, source.carrierUsername, source.requestUser],
    });
    return rows[0] ?? null;
  }

  /** Whether the source is some carrier of the platform (a 404 for an unknown number, not a 403). */
  async isKnownCarrier(source: CarrierSource): Promise<boolean> {
    const { rows } = await this.pool.query<{ known: boolean }>({
      name: 'route-known-carrier',
      text: `SELECT EXISTS (SELECT 1 FROM carriers c WHERE ${fromCarrier(1)}) AS known`,
      values: [source.sourceIp, source.carrierUsername, source.requestUser],
    });
    return rows[0]?.known ?? false;
  }

  async findAccountIdBySipDomain(sipDomain: string): Promise<string | null> {
    const { rows } = await this.pool.query<{ id: string }>({
      name: 'route-account-by-domain',
      text: 'SELECT id FROM accounts WHERE sip_domain = $1',
      values: [sipDomain],
    });
    return rows[0]?.id ?? null;
  }

  /** Gateways of the enabled carriers of every route matching the number, best route first. */
  async findOutboundGateways(accountId: string, number: string): Promise<OutboundGatewayRow[]> {
    const { rows } = await this.pool.query<OutboundGatewayRow>({
      name: 'route-outbound-gateways',
      text: `SELECT r.priority AS "routePriority", c.id AS "carrierId", g.host, g.port, g.transport, g.priority,
              g.weight, g.status, c.outbound_auth_username AS "authUsername",
              c.outbound_auth_password AS "authPassword", c.from_domain AS "fromDomain",
              c.caller_id_number AS "callerIdNumber", c.srtp, c.dtmf
         FROM outbound_routes r
         JOIN carriers c ON c.id = r.carrier_id AND c.enabled
         JOIN carrier_gateways g ON g.carrier_id = c.id
        WHERE r.account_id = $1 AND (starts_with($2, r.prefix) OR starts_with('+' || $2, r.prefix))
        ORDER BY r.priority, length(r.prefix) DESC, r.id`,
      values: [accountId, number],
    });
    return rows;
  }

  async findApplication(accountId: string, id: string): Promise<ApplicationRow | null> {
    const { rows } = await this.pool.query<ApplicationRow>({
      name: 'route-application',
      text: `SELECT id, voice_url AS "voiceUrl", fallback_url AS "fallbackUrl", secret_encrypted AS "secretEncrypted"
         FROM applications WHERE account_id = $1 AND id::text = $2`,
      values: [accountId, id],
    });
    return rows[0] ?? null;
  }
}
