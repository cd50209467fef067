import { Injectable } from '@nestjs/common';
import { type Prisma, PrismaService, type WebhookDeliveryState } from '@callwire/database';

const DELIVERY_WITH_CONTEXT = {
  include: {
    event: true,
    endpoint: { select: { id: true, accountId: true, url: true, enabled: true, secretEncrypted: true } },
  },
} as const;

/** A delivery with what sending it needs: its event and its endpoint (secret still encrypted). */
export type DeliveryWithContext = Prisma.WebhookDeliveryGetPayload<typeof DELIVERY_WITH_CONTEXT>;

/** What an attempt leaves on the delivery row. */
export interface AttemptRecord {
  readonly state: WebhookDeliveryState;
  readonly lastStatusCode: number | null;
  readonly lastLatencyMs: number | null;
  readonly lastError: string | null;
  readonly nextAttemptAt: Date | null;
}

/** The endpoint after a delivery to it finally failed. */
export interface FailedEndpoint {
  readonly id: string;
  readonly accountId: string;
  readonly url: string;
  readonly enabled: boolean;
  readonly failureStreak: number;
}

/** The event a delivery carries, as far as ordering goes. */
export interface OrderedEvent {
  readonly id: string;
  readonly accountId: string;
  readonly orderingKey: string;
  readonly createdAt: Date;
}

/**
 * The worker's side of deliveries. Writes after an attempt are guarded by the attempt number they
 * belong to: when a replay restarted the delivery meanwhile, they change nothing.
 */
@Injectable()
export class WebhookDeliveriesRepository {
  constructor(private readonly prisma: PrismaService) {}

  load(id: string): Promise<DeliveryWithContext | null> {
    return this.prisma.webhookDelivery.findUnique({ where: { id }, ...DELIVERY_WITH_CONTEXT });
  }

  /** Counts the attempt about to be made; false when the delivery changed since it was loaded. */
  async claimAttempt(id: string, attemptsSoFar: number): Promise<boolean> {
    const { count } = await this.prisma.webhookDelivery.updateMany({
      where: { id, state: 'pending', attempts: attemptsSoFar },
      data: { attempts: attemptsSoFar + 1 },
    });
    return count === 1;
  }

  /** Records the outcome of attempt `attempt`; false when the delivery was restarted meanwhile. */
  async recordAttempt(id: string, attempt: number, record: AttemptRecord): Promise<boolean> {
    const { count } = await this.prisma.webhookDelivery.updateMany({
      where: { id, state: 'pending', attempts: attempt },
      data: record,
    });
    return count === 1;
  }

  /** The delivery succeeded: its endpoint's failure streak ends. */
  recordSuccess(id: string, endpointId: string, attempt: number, record: AttemptRecord): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.webhookDelivery.updateMany({
        where: { id, state: 'pending', attempts: attempt },
        data: record,
      });
      if (count === 0) return false;
      await tx.webhookEndpoint.updateMany({
        where: { id: endpointId, failureStreak: { gt: 0 } },
        data: { failureStreak: 0 },
      });
      return true;
    });
  }

  /** The delivery failed for good: one more in its endpoint's failure streak. Null when restarted meanwhile. */
  recordFinalFailure(
    id: string,
    endpointId: string,
    attempt: number,
    record: AttemptRecord,
  ): Promise<FailedEndpoint | null> {
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.webhookDelivery.updateMany({
        where: { id, state: 'pending', attempts: attempt },
        data: record,
      });
      if (count === 0) return null;
      return tx.webhookEndpoint.update({
        where: { id: endpointId },
        data: { failureStreak: { increment: 1 } },
        select: { id: true, accountId: true, url: true, enabled: true, failureStreak: true },
      });
    });
  }

  /** Fails a pending delivery without an attempt (its endpoint is disabled, or its secret unreadable). */
  async abandon(id: string, reason: string): Promise<void> {
    await this.prisma.webhookDelivery.updateMany({
      where: { id, state: 'pending' },
      data: { state: 'failed', lastError: reason, nextAttemptAt: null },
    });
  }

  /** Disables the endpoint unless it already is; true when this call disabled it. */
  async disableEndpoint(id: string, reason: string): Promise<boolean> {
    const { count } = await this.prisma.webhookEndpoint.updateMany({
      where: { id, enabled: true },
      data: { enabled: false, disabledReason: reason },
    });
    return count === 1;
  }

  /** A pending delivery to the endpoint of an earlier event with the same ordering key, if any. */
  findEarlierPending(
    endpointId: string,
    event: OrderedEvent,
  ): Promise<{ id: string; nextAttemptAt: Date | null } | null> {
    return this.prisma.webhookDelivery.findFirst({
      where: {
        endpointId,
        state: 'pending',
        event: {
          accountId: event.accountId, // the index on (account_id, ordering_key, type) serves the lookup
          orderingKey: event.orderingKey,
          OR: [{ createdAt: { lt: event.createdAt } }, { createdAt: event.createdAt, id: { lt: event.id } }],
        },
      },
      select: { id: true, nextAttemptAt: true },
    });
  }

  /** The next pending delivery to the endpoint of a later event with the same ordering key, if any. */
  async findNextPending(endpointId: string, event: OrderedEvent): Promise<string | null> {
    const next = await this.prisma.webhookDelivery.findFirst({
      where: {
        endpointId,
        state: 'pending',
        event: {
          accountId: event.accountId, // the index on (account_id, ordering_key, type) serves the lookup
          orderingKey: event.orderingKey,
          OR: [{ createdAt: { gt: event.createdAt } }, { createdAt: event.createdAt, id: { gt: event.id } }],
        },
      },
      orderBy: [{ event: { createdAt: 'asc' } }, { eventId: 'asc' }],
      select: { id: true },
    });
    return next?.id ?? null;
  }

  /** Pending deliveries due before `dueBefore`, by id after `afterId`: the sweeper's candidates. */
  async findDue(dueBefore: Date, afterId: string | null, limit: number): Promise<string[]> {
    const rows = await this.prisma.webhookDelivery.findMany({
      where: {
        state: 'pending',
        OR: [{ nextAttemptAt: { lte: dueBefore } }, { nextAttemptAt: null, createdAt: { lte: dueBefore } }],
        ...(afterId ? { id: { gt: afterId } } : {}),
      },
      orderBy: { id: 'asc' },
      take: limit,
      select: { id: true },
    });
    return rows.map((row) => row.id);
  }
}
