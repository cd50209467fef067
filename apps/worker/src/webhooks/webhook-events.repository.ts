import { Injectable } from '@nestjs/common';
import { Prisma, PrismaService } from '@callwire/database';
import { ALL_WEBHOOK_EVENTS, type WebhookEventType } from '@callwire/webhooks';

export interface NewWebhookEvent {
  readonly accountId: string;
  readonly type: WebhookEventType;
  readonly data: Record<string, unknown>;
  readonly orderingKey?: string;
  readonly createdAt?: Date;
}

export interface StoredWebhookEvent {
  readonly eventId: string;
  readonly deliveryIds: string[];
}

@Injectable()
export class WebhookEventsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * In one transaction: the event and one pending delivery, due now, per enabled endpoint of the account
   * subscribed to its type. Null (nothing stored) when no endpoint wants it.
   */
  createWithDeliveries(event: NewWebhookEvent, now: Date): Promise<StoredWebhookEvent | null> {
    return this.prisma.$transaction(async (tx) => {
      const endpoints = await tx.webhookEndpoint.findMany({
        where: { accountId: event.accountId, enabled: true, events: { hasSome: [event.type, ALL_WEBHOOK_EVENTS] } },
        select: { id: true },
      });
      if (endpoints.length === 0) return null;
      const stored = await tx.webhookEvent.create({
        data: {
          accountId: event.accountId,
          type: event.type,
          orderingKey: event.orderingKey ?? null,
          data: event.data as Prisma.InputJsonObject,
          createdAt: event.createdAt ?? now,
        },
        select: { id: true },
      });
      const deliveries = await tx.webhookDelivery.createManyAndReturn({
        data: endpoints.map((endpoint) => ({ endpointId: endpoint.id, eventId: stored.id, nextAttemptAt: now })),
        select: { id: true },
      });
      return { eventId: stored.id, deliveryIds: deliveries.map((delivery) => delivery.id) };
    });
  }
}
