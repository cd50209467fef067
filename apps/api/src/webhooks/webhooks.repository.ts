import { Injectable } from '@nestjs/common';
import { PrismaService, type WebhookDelivery, type WebhookEndpoint, isRecordNotFound } from '@callwire/database';
import type { PageRequest } from '../common/pagination';

/** An endpoint as the API shows it: never its encrypted secret. */
export type WebhookEndpointRecord = Omit<WebhookEndpoint, 'secretEncrypted' | 'applicationId'>;

/** A delivery with its event's type, as the deliveries log lists it. */
export type WebhookDeliveryRecord = WebhookDelivery & { readonly event: { readonly type: string } };

export interface NewWebhookEndpoint {
  readonly url: string;
  readonly events: string[];
  readonly description: string | null;
  readonly secretEncrypted: Buffer;
}

export interface WebhookEndpointChanges {
  readonly url?: string;
  readonly events?: string[];
  readonly description?: string | null;
  readonly enabled?: boolean;
  readonly disabledReason?: null;
  readonly failureStreak?: number;
}

const PUBLIC_FIELDS = {
  id: true,
  accountId: true,
  url: true,
  events: true,
  description: true,
  enabled: true,
  disabledReason: true,
  failureStreak: true,
  createdAt: true,
  updatedAt: true,
} as const;

/**
 * Every query is scoped by accountId: another account's endpoint or delivery is indistinguishable from none.
 * Applications' status callbacks (applicationId set) are managed through their application, not here.
 */
@Injectable()
export class WebhooksRepository {
  constructor(private readonly prisma: PrismaService) {}

  create(accountId: string, endpoint: NewWebhookEndpoint): Promise<WebhookEndpointRecord> {
    return this.prisma.webhookEndpoint.create({
      data: { accountId, ...endpoint, secretEncrypted: new Uint8Array(endpoint.secretEncrypted) },
      select: PUBLIC_FIELDS,
    });
  }

  /** Oldest first; fetches limit + 1 rows. */
  list(accountId: string, page: PageRequest): Promise<WebhookEndpointRecord[]> {
    return this.prisma.webhookEndpoint.findMany({
      where: { accountId, applicationId: null, ...(page.afterId ? { id: { gt: page.afterId } } : {}) },
      orderBy: { id: 'asc' },
      take: page.limit + 1,
      select: PUBLIC_FIELDS,
    });
  }

  findById(accountId: string, id: string): Promise<WebhookEndpointRecord | null> {
    return this.prisma.webhookEndpoint.findFirst({
      where: { id, accountId, applicationId: null },
      select: PUBLIC_FIELDS,
    });
  }

  async update(
    accountId: string,
    id: string,
    changes: WebhookEndpointChanges & { readonly secretEncrypted?: Buffer },
  ): Promise<WebhookEndpointRecord | null> {
    const { secretEncrypted, ...rest } = changes;
    try {
      return await this.prisma.webhookEndpoint.update({
        where: { id, accountId, AND: { applicationId: null } },
        data: { ...rest, ...(secretEncrypted ? { secretEncrypted: new Uint8Array(secretEncrypted) } : {}) },
        select: PUBLIC_FIELDS,
      });
    } catch (error) {
      if (isRecordNotFound(error)) return null;
      throw error;
    }
  }

  /** Deletes the endpoint with its deliveries; false when the account has no such endpoint. */
  async delete(accountId: string, id: string): Promise<boolean> {
    const { count } = await this.prisma.webhookEndpoint.deleteMany({ where: { id, accountId, applicationId: null } });
    return count > 0;
  }

  /** Newest first (the log of an endpoint); fetches limit + 1 rows. */
  listDeliveries(endpointId: string, page: PageRequest): Promise<WebhookDeliveryRecord[]> {
    return this.prisma.webhookDelivery.findMany({
      where: { endpointId, ...(page.afterId ? { id: { lt: page.afterId } } : {}) },
      orderBy: { id: 'desc' },
      take: page.limit + 1,
      include: { event: { select: { type: true } } },
    });
  }

  findDelivery(
    accountId: string,
    id: string,
  ): Promise<(WebhookDelivery & { readonly endpoint: { readonly enabled: boolean } }) | null> {
    return this.prisma.webhookDelivery.findFirst({
      where: { id, endpoint: { accountId } },
      include: { endpoint: { select: { enabled: true } } },
    });
  }

  /** Starts the delivery over: pending, due now, a fresh run of attempts (the last outcome stays visible). */
  async restartDelivery(id: string, at: Date): Promise<WebhookDeliveryRecord | null> {
    try {
      return await this.prisma.webhookDelivery.update({
        where: { id },
        data: { state: 'pending', attempts: 0, nextAttemptAt: at },
        include: { event: { select: { type: true } } },
      });
    } catch (error) {
      if (isRecordNotFound(error)) return null;
      throw error;
    }
  }
}
