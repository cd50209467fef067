import { Injectable } from '@nestjs/common';
import type { WebhookEventType } from '@callwire/webhooks';
import { unlessNotFound } from '../errors';
import type { Prisma } from '../generated/client';
import { type PageRequest, pageQuery } from '../pagination';
import { PrismaService } from '../prisma.service';

/** An application as the API shows it: never its encrypted secret. */
export type ApplicationRecord = Omit<Prisma.ApplicationModel, 'secretEncrypted'>;

export interface ApplicationChanges {
  readonly name?: string;
  readonly voiceUrl?: string;
  readonly fallbackUrl?: string | null;
  readonly statusCallbackUrl?: string | null;
  readonly secretEncrypted?: Buffer;
}

export type NewApplication = Required<ApplicationChanges>;

const PUBLIC_FIELDS = {
  id: true,
  accountId: true,
  name: true,
  voiceUrl: true,
  fallbackUrl: true,
  statusCallbackUrl: true,
  createdAt: true,
  updatedAt: true,
} as const;

/** Call events an application's status callback receives. */
const STATUS_CALLBACK_EVENTS: WebhookEventType[] = [
  'call.initiated',
  'call.ringing',
  'call.answered',
  'call.completed',
];

/**
 * An application's statusCallbackUrl is a webhook endpoint of its own (applicationId set, same signing
 * secret), which receives the call events of that application's calls only, with the webhooks' retries.
 */
async function syncStatusCallback(tx: Prisma.TransactionClient, applicationId: string): Promise<void> {
  const application = await tx.application.findUniqueOrThrow({ where: { id: applicationId } });
  if (!application.statusCallbackUrl) {
    await tx.webhookEndpoint.deleteMany({ where: { applicationId } });
    return;
  }
  const endpoint = {
    url: application.statusCallbackUrl,
    secretEncrypted: application.secretEncrypted,
    events: STATUS_CALLBACK_EVENTS,
  };
  await tx.webhookEndpoint.upsert({
    where: { applicationId },
    create: {
      ...endpoint,
      accountId: application.accountId,
      applicationId,
      description: `status callback of application ${application.name}`,
    },
    update: endpoint,
  });
}

/**
 * An account's applications (the API manages them; routing decisions read their voice URL in
 * EdgeRoutingRepository). Every query is scoped by accountId: another account's application is
 * indistinguishable from none. An application's status callback is a webhook endpoint it manages (written in
 * the same transaction).
 */
@Injectable()
export class ApplicationsRepository {
  constructor(private readonly prisma: PrismaService) {}

  create(accountId: string, application: NewApplication): Promise<ApplicationRecord> {
    return this.prisma.$transaction(async (tx) => {
      const created = await tx.application.create({
        data: { accountId, ...application, secretEncrypted: new Uint8Array(application.secretEncrypted) },
        select: PUBLIC_FIELDS,
      });
      if (created.statusCallbackUrl) await syncStatusCallback(tx, created.id);
      return created;
    });
  }

  /** Oldest first; fetches limit + 1 rows. */
  list(accountId: string, page: PageRequest): Promise<ApplicationRecord[]> {
    const { where, ...rest } = pageQuery(page);
    return this.prisma.application.findMany({ where: { accountId, ...where }, ...rest, select: PUBLIC_FIELDS });
  }

  findById(accountId: string, id: string): Promise<ApplicationRecord | null> {
    return this.prisma.application.findFirst({ where: { id, accountId }, select: PUBLIC_FIELDS });
  }

  /** Whether the account has this application (for phone numbers routed to one). */
  async exists(accountId: string, id: string): Promise<boolean> {
    return (await this.prisma.application.count({ where: { id, accountId } })) > 0;
  }

  async update(accountId: string, id: string, changes: ApplicationChanges): Promise<ApplicationRecord | null> {
    const { secretEncrypted, ...rest } = changes;
    return unlessNotFound(
      this.prisma.$transaction(async (tx) => {
        const updated = await tx.application.update({
          where: { id, accountId },
          data: { ...rest, ...(secretEncrypted ? { secretEncrypted: new Uint8Array(secretEncrypted) } : {}) },
          select: PUBLIC_FIELDS,
        });
        // Only its URL and the secret it signs with concern the status callback.
        if (rest.statusCallbackUrl !== undefined || secretEncrypted) await syncStatusCallback(tx, id);
        return updated;
      }),
    );
  }

  /** False when the account has no such application. */
  async delete(accountId: string, id: string): Promise<boolean> {
    const deleted = await unlessNotFound(
      this.prisma.application.delete({ where: { id, accountId }, select: { id: true } }),
    );
    return deleted !== null;
  }
}
