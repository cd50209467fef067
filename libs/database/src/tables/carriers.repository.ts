import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { unlessNotFound } from '../errors';
import type { Prisma } from '../generated/client';
import type { PageRequest } from '../pagination';
import { pageQuery } from '../pagination';
import { PrismaService } from '../prisma.service';
import { Sql } from '../sql';
import { type GatewaySpec, planGateways } from './carrier-gateways';

/** Gateways in the order the edge tries them, which is also the order of the registration view. */
const WITH_GATEWAYS = {
  include: { gateways: { orderBy: [{ priority: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }] } },
} as const satisfies Prisma.CarrierDefaultArgs;

/** A carrier with its gateways, as the API reads it (credentials included: never shown as such). */
export type CarrierRecord = Prisma.CarrierGetPayload<typeof WITH_GATEWAYS>;

/** The columns the API sets; registration* and the gateways' health columns are the worker's. */
export type CarrierFields = Pick<
  Prisma.CarrierModel,
  | 'name'
  | 'enabled'
  | 'inboundAddresses'
  | 'inboundAuthUsername'
  | 'inboundAuthRealm'
  | 'inboundAuthHa1'
  | 'outboundAuthUsername'
  | 'outboundAuthPassword'
  | 'fromDomain'
  | 'callerIdNumber'
  | 'registerEnabled'
  | 'registerExpires'
  | 'registerUsername'
  | 'registerPassword'
  | 'srtp'
  | 'dtmf'
>;

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
  /** up, down or unknown (GatewayStatus of @callwire/sip). */
  readonly status: string;
  readonly response: string;
  readonly checkedAt: Date;
}

/** The edge's registration with a carrier (uac.reg_dump), as the worker stores it. */
export interface CarrierRegistrationUpdate {
  readonly carrierId: string;
  readonly state: string;
  readonly detail: string;
  /** registered: when the edge refreshes it. */
  readonly expiresAt: Date | null;
}

/**
 * Carriers and their gateways (written together: a carrier's gateways are part of it). The API manages them;
 * the worker stores what the edge and the health checks find out (registration state, gateway status), each in
 * one statement per batch. Routing decisions read them joined with numbers and routes (EdgeRoutingRepository).
 * API queries are scoped by accountId: another account's carrier is indistinguishable from none.
 */
@Injectable()
export class CarriersRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly sql: Sql,
  ) {}

  create(accountId: string, fields: CarrierFields, gateways: readonly GatewaySpec[]): Promise<CarrierRecord> {
    return this.prisma.carrier.create({
      data: { accountId, ...fields, gateways: { create: [...gateways] } },
      ...WITH_GATEWAYS,
    });
  }

  /** Oldest first; fetches limit + 1 rows. */
  list(accountId: string, page: PageRequest): Promise<CarrierRecord[]> {
    const { where, ...rest } = pageQuery(page);
    return this.prisma.carrier.findMany({ where: { accountId, ...where }, ...rest, ...WITH_GATEWAYS });
  }

  findById(accountId: string, id: string): Promise<CarrierRecord | null> {
    return this.prisma.carrier.findFirst({ where: { id, accountId }, ...WITH_GATEWAYS });
  }

  /** Whether the account has this carrier (for resources that point at one). */
  async exists(accountId: string, id: string): Promise<boolean> {
    return (await this.prisma.carrier.count({ where: { id, accountId } })) > 0;
  }

  /**
   * Applies the changes and, when given, makes the gateways exactly `gateways` (see planGateways), in one
   * transaction. Null when the account has no such carrier.
   */
  async update(
    accountId: string,
    id: string,
    changes: Partial<CarrierFields>,
    gateways?: readonly GatewaySpec[],
  ): Promise<CarrierRecord | null> {
    return unlessNotFound(
      this.prisma.$transaction(async (tx) => {
        // A change of the gateways alone is a change of the carrier too (Prisma bumps updatedAt only with data).
        const data = gateways ? { ...changes, updatedAt: new Date() } : changes;
        await tx.carrier.update({ where: { id, accountId }, data, select: { id: true } });
        if (gateways) {
          const plan = planGateways(await tx.carrierGateway.findMany({ where: { carrierId: id } }), gateways);
          await tx.carrierGateway.deleteMany({ where: { carrierId: id, id: { in: plan.removedIds } } });
          for (const { id: gatewayId, ...kept } of plan.kept) {
            await tx.carrierGateway.update({ where: { id: gatewayId }, data: kept });
          }
          await tx.carrierGateway.createMany({ data: plan.added.map((gateway) => ({ carrierId: id, ...gateway })) });
        }
        return tx.carrier.findUniqueOrThrow({ where: { id }, ...WITH_GATEWAYS });
      }),
    );
  }

  /**
   * Deletes the carrier with its gateways and outbound routes; its phone numbers stay, with no carrier.
   * Returns it, or null when the account has no such carrier.
   */
  async delete(accountId: string, id: string): Promise<CarrierRecord | null> {
    return unlessNotFound(this.prisma.carrier.delete({ where: { id, accountId }, ...WITH_GATEWAYS }));
  }

  /** The gateways of the enabled carriers (of one carrier when `carrierId` is given), for the health checks. */
  findGatewaysToCheck(carrierId?: string): Promise<GatewayToCheck[]> {
    let query = this.sql
      .selectFrom('carrier_gateways as g')
      .innerJoin('carriers as c', 'c.id', 'g.carrier_id')
      .select([
        'g.id',
        'g.carrier_id as carrierId',
        'c.account_id as accountId',
        'g.host',
        'g.port',
        'g.transport',
        'g.status',
      ])
      .where('c.enabled', '=', true);
    if (carrierId !== undefined) query = query.where('c.id', '=', carrierId);
    return query.orderBy('g.id').execute();
  }

  /**
   * Stores health check results in one statement. statusSince moves only when the status changes. A result is
   * dropped when the gateway's address changed since it was read, or when a newer one is stored already (two
   * rounds overlapped on two workers).
   */
  async saveGatewayChecks(checks: readonly GatewayCheck[]): Promise<void> {
    if (checks.length === 0) return;
    const column = <T>(value: (check: GatewayCheck) => T) => checks.map(value);
    await sql`
      UPDATE carrier_gateways g
         SET status = r.status,
             last_response = r.response,
             last_checked_at = r.checked_at AT TIME ZONE 'UTC',
             status_since = CASE WHEN g.status = r.status THEN COALESCE(g.status_since, r.checked_at AT TIME ZONE 'UTC')
                                 ELSE r.checked_at AT TIME ZONE 'UTC' END
        FROM unnest(${column((check) => check.gateway.id)}::uuid[], ${column((check) => check.gateway.host)}::text[],
                    ${column((check) => check.gateway.port)}::int[], ${column((check) => check.gateway.transport)}::text[],
                    ${column((check) => check.status)}::text[], ${column((check) => check.response)}::text[],
                    ${column((check) => check.checkedAt)}::timestamptz[])
             AS r(id, host, port, transport, status, response, checked_at)
       WHERE g.id = r.id AND g.host = r.host AND g.port = r.port AND g.transport = r.transport
         AND (g.last_checked_at IS NULL OR g.last_checked_at <= r.checked_at AT TIME ZONE 'UTC')`.execute(this.sql);
  }

  /**
   * Stores the edge's registrations with carriers (`since` moves only when the state does); carriers the edge no
   * longer registers (registration turned off, carrier disabled) become unregistered. Returns the accounts whose
   * carriers' registration state changed (their dashboards refresh).
   */
  async saveRegistrationStates(states: readonly CarrierRegistrationUpdate[], now = new Date()): Promise<string[]> {
    const ids = states.map((state) => state.carrierId);
    const { rows: updated } = await sql<{ accountId: string; changed: boolean }>`
      UPDATE carriers c
         SET registration_state = s.state,
             registration_detail = s.detail,
             registration_expires_at = s.expires_at AT TIME ZONE 'UTC',
             registration_since = CASE WHEN c.registration_state = s.state AND c.registration_since IS NOT NULL
                                       THEN c.registration_since ELSE ${now}::timestamptz AT TIME ZONE 'UTC' END
        FROM unnest(${ids}::uuid[], ${states.map((state) => state.state)}::text[],
                    ${states.map((state) => state.detail)}::text[],
                    ${states.map((state) => state.expiresAt)}::timestamptz[])
               AS s(id, state, detail, expires_at),
             carriers before
       WHERE c.id = s.id AND before.id = c.id
   RETURNING c.account_id AS "accountId", before.registration_state IS DISTINCT FROM s.state AS changed`.execute(
      this.sql,
    );
    const dropped = await this.sql
      .updateTable('carriers')
      .set({
        registration_state: 'unregistered',
        registration_detail: null,
        registration_expires_at: null,
        registration_since: now,
      })
      .where('registration_state', '<>', 'unregistered')
      .where(({ eb, fn, val, not }) => not(eb('id', '=', fn.any(val(ids)))))
      .returning('account_id as accountId')
      .execute();
    const changed = updated.filter((row) => row.changed);
    return [...new Set([...changed, ...dropped].map((row) => row.accountId))];
  }
}
