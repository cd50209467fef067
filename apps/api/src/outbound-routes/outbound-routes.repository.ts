import { Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import { type Prisma, PrismaService, isRecordNotFound } from '@callwire/database';
import type { KeysetPageRequest } from '../common/pagination';

export type OutboundRouteRecord = Prisma.OutboundRouteModel;

export interface OutboundRouteChanges {
  readonly name?: string;
  readonly prefix?: string;
  readonly priority?: number;
  readonly carrierId?: string;
}

export type NewOutboundRoute = Required<OutboundRouteChanges>;

/** Where a route stands in the order the edge tries them: priority, longer prefix first, then id. */
export type RouteOrderKey = readonly [priority: number, prefixLength: number, id: string];

/** Every query is scoped by accountId: another account's route is indistinguishable from none. */
@Injectable()
export class OutboundRoutesRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly pool: Pool,
  ) {}

  create(accountId: string, route: NewOutboundRoute): Promise<OutboundRouteRecord> {
    return this.prisma.outboundRoute.create({ data: { accountId, ...route } });
  }

  /** In the order the routes are tried (see RouteOrderKey), after page.after; fetches limit + 1 rows. */
  async list(accountId: string, page: KeysetPageRequest<RouteOrderKey>): Promise<OutboundRouteRecord[]> {
    const [priority, prefixLength, id] = page.after ?? [null, null, null];
    const { rows } = await this.pool.query<OutboundRouteRecord>(
      `SELECT r.id, r.account_id AS "accountId", r.name, r.prefix, r.priority, r.carrier_id AS "carrierId",
              r.created_at AT TIME ZONE 'UTC' AS "createdAt", r.updated_at AT TIME ZONE 'UTC' AS "updatedAt"
         FROM outbound_routes r
        WHERE r.account_id = $1
          AND ($2::int IS NULL OR (r.priority, -length(r.prefix), r.id) > ($2::int, -$3::int, $4::uuid))
        ORDER BY r.priority, length(r.prefix) DESC, r.id
        LIMIT $5`,
      [accountId, priority, prefixLength, id, page.limit + 1],
    );
    return rows;
  }

  findById(accountId: string, id: string): Promise<OutboundRouteRecord | null> {
    return this.prisma.outboundRoute.findFirst({ where: { id, accountId } });
  }

  async update(accountId: string, id: string, changes: OutboundRouteChanges): Promise<OutboundRouteRecord | null> {
    try {
      return await this.prisma.outboundRoute.update({ where: { id, accountId }, data: changes });
    } catch (error) {
      if (isRecordNotFound(error)) return null;
      throw error;
    }
  }

  /** False when the account has no such route. */
  async delete(accountId: string, id: string): Promise<boolean> {
    try {
      await this.prisma.outboundRoute.delete({ where: { id, accountId }, select: { id: true } });
      return true;
    } catch (error) {
      if (isRecordNotFound(error)) return false;
      throw error;
    }
  }
}
