import { Injectable } from '@nestjs/common';
import type { EdgeRegistrationEvent } from '@callwire/queues';
import { CallRecordsRepository } from '../calls/call-records.repository';
import { WebhookEventPublisher } from '../webhooks/webhook-event.publisher';

/** Tells webhook subscribers about registrations that start or end (refreshes are not news). */
@Injectable()
export class RegistrationEventsService {
  constructor(
    private readonly accounts: CallRecordsRepository,
    private readonly webhooks: WebhookEventPublisher,
  ) {}

  async apply(event: EdgeRegistrationEvent): Promise<void> {
    if (event.event === 'refreshed') return;
    const accountId = await this.accounts.findAccountIdBySipDomain(event.sipDomain);
    if (!accountId) return;
    await this.webhooks.publish({
      accountId,
      type: event.event === 'created' ? 'registration.created' : 'registration.removed',
      createdAt: new Date(event.at),
      data: {
        aor: `sip:${event.aor}`,
        contact: event.contact.replace(/^<|>$/g, ''),
        ...(event.reason ? { reason: event.reason } : {}),
      },
    });
  }
}
