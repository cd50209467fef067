import { Injectable } from '@nestjs/common';
import { storedStatus } from '@callwire/calls';
import { type Call, type Prisma, PrismaService } from '@callwire/database';
import type { PageRequest } from '../common/pagination';
import type { CallQueryDto } from './dto/call.dto';

/** Every query is scoped by accountId. */
@Injectable()
export class CallsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Oldest first (UUIDv7 order) unless `order` is desc, limit + 1 rows. */
  list(accountId: string, query: CallQueryDto, page: PageRequest): Promise<Call[]> {
    const order = query.order ?? 'asc';
    const where: Prisma.CallWhereInput = {
      accountId,
      ...(page.afterId ? { id: order === 'asc' ? { gt: page.afterId } : { lt: page.afterId } } : {}),
      ...(query.status ? { status: storedStatus(query.status) as Call['status'] } : {}),
      ...(query.from ? { from: query.from } : {}),
      ...(query.to ? { to: query.to } : {}),
      startedAt: {
        ...(query.startedAfter ? { gte: new Date(query.startedAfter) } : {}),
        ...(query.startedBefore ? { lt: new Date(query.startedBefore) } : {}),
      },
    };
    return this.prisma.call.findMany({ where, orderBy: { id: order }, take: page.limit + 1 });
  }

  findById(accountId: string, id: string): Promise<Call | null> {
    return this.prisma.call.findFirst({ where: { id, accountId } });
  }
}
