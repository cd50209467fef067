import { Injectable } from '@nestjs/common';
import { type EdgeRegistrationEvent, LiveEventsPublisher } from '@callwire/queues';
import { WebhookEventPublisher } from '../webhook-events/webhook-event.publisher';
import { SipDomainAccounts } from './sip-domain-accounts';

/** Tells webhook subscribers and open dashboards about registrations that start or end (refreshes are not news). */
@Injectable()
export class RegistrationEventsService {
  constructor(
    private readonly accounts: SipDomainAccounts,
    private readonly webhooks: WebhookEventPublisher,
    private readonly live: LiveEventsPublisher,
  ) {}

  async apply(event: EdgeRegistrationEvent): Promise<void> {
    if (event.event === 'refreshed') return;
    const accountId = await this.accounts.idOf(event.sipDomain);
    if (!accountId) return;
    this.live.publish(accountId, 'registrations');
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
