import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { unlessNotFound } from '../errors';
import type { Prisma } from '../generated/client';
import type { KeysetPageRequest } from '../pagination';
import { PrismaService } from '../prisma.service';
import { Sql } from '../sql';

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

/**
 * An account's outbound routes (the API manages them; routing decisions read them joined with carriers and
 * gateways in EdgeRoutingRepository). Every query is scoped by accountId: another account's route is
 * indistinguishable from none.
 */
@Injectable()
export class OutboundRoutesRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly sql: Sql,
  ) {}

  create(accountId: string, route: NewOutboundRoute): Promise<OutboundRouteRecord> {
    return this.prisma.outboundRoute.create({ data: { accountId, ...route } });
  }

  /** In the order the routes are tried (see RouteOrderKey), after page.after; fetches limit + 1 rows. */
  async list(accountId: string, page: KeysetPageRequest<RouteOrderKey>): Promise<OutboundRouteRecord[]> {
    let query = this.sql
      .selectFrom('outbound_routes')
      .select([
        'id',
        'account_id as accountId',
        'name',
        'prefix',
        'priority',
        'carrier_id as carrierId',
        'created_at as createdAt',
        'updated_at as updatedAt',
      ])
      .where('account_id', '=', accountId);
    if (page.after) {
      const [priority, prefixLength, id] = page.after;
      query = query.where(sql<boolean>`(priority, -length(prefix), id) > (${priority}, ${-prefixLength}, ${id}::uuid)`);
    }
    return query
      .orderBy('priority')
      .orderBy(sql`length(prefix)`, 'desc')
      .orderBy('id')
      .limit(page.limit + 1)
      .execute();
  }

  findById(accountId: string, id: string): Promise<OutboundRouteRecord | null> {
    return this.prisma.outboundRoute.findFirst({ where: { id, accountId } });
  }

  async update(accountId: string, id: string, changes: OutboundRouteChanges): Promise<OutboundRouteRecord | null> {
    return unlessNotFound(this.prisma.outboundRoute.update({ where: { id, accountId }, data: changes }));
  }

  /** False when the account has no such route. */
  async delete(accountId: string, id: string): Promise<boolean> {
    const deleted = await unlessNotFound(
      this.prisma.outboundRoute.delete({ where: { id, accountId }, select: { id: true } }),
    );
    return deleted !== null;
  }
}
