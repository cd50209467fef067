import { Injectable } from '@nestjs/common';
import { Prisma, PrismaService } from '@callwire/database';
import { ALL_WEBHOOK_EVENTS, type WebhookEventType } from '@callwire/webhooks';

export interface NewWebhookEvent {
  readonly accountId: string;
  readonly type: WebhookEventType;
  readonly data: Record<string, unknown>;
  /** With the type, unique per account: a call's step is published once however often it is replayed. */
  readonly orderingKey?: string;
  readonly createdAt?: Date;
}

export interface StoredWebhookEvent {
  readonly eventId: string;
  /** The deliveries to queue: all of a new event, the pending ones of a duplicate. */
  readonly deliveryIds: string[];
  /** The account already had this event (same orderingKey and type): nothing was stored. */
  readonly duplicate: boolean;
}

@Injectable()
export class WebhookEventsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * In one transaction: the event and one pending delivery, due now, per enabled endpoint of the account
   * subscribed to its type. Null (nothing stored) when no endpoint wants it. An event whose (orderingKey,
   * type) the account already has is not stored again (`duplicate`): its pending deliveries are returned.
   */
  createWithDeliveries(event: NewWebhookEvent, now: Date): Promise<StoredWebhookEvent | null> {
    return this.prisma.$transaction(async (tx) => {
      const endpoints = await tx.webhookEndpoint.findMany({
        where: { accountId: event.accountId, enabled: true, events: { hasSome: [event.type, ALL_WEBHOOK_EVENTS] } },
        select: { id: true },
      });
      if (endpoints.length === 0) return null;
      // ON CONFLICT DO NOTHING: a conflict must not abort the transaction.
      const [stored] = await tx.webhookEvent.createManyAndReturn({
        data: [
          {
            accountId: event.accountId,
            type: event.type,
            orderingKey: event.orderingKey ?? null,
            data: event.data as Prisma.InputJsonObject,
            createdAt: event.createdAt ?? now,
          },
        ],
        skipDuplicates: true,
        select: { id: true },
      });
      if (!stored) return this.existing(tx, event);
      const deliveries = await tx.webhookDelivery.createManyAndReturn({
        data: endpoints.map((endpoint) => ({ endpointId: endpoint.id, eventId: stored.id, nextAttemptAt: now })),
        select: { id: true },
      });
      return { eventId: stored.id, deliveryIds: deliveries.map((delivery) => delivery.id), duplicate: false };
    });
  }

  private async existing(tx: Prisma.TransactionClient, event: NewWebhookEvent): Promise<StoredWebhookEvent | null> {
    const stored = await tx.webhookEvent.findFirst({
      where: { accountId: event.accountId, orderingKey: event.orderingKey, type: event.type },
      select: { id: true, deliveries: { where: { state: 'pending' }, select: { id: true } } },
    });
    if (!stored) return null;
    return { eventId: stored.id, deliveryIds: stored.deliveries.map((delivery) => delivery.id), duplicate: true };
  }
}
