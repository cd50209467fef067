import { Injectable, Logger } from '@nestjs/common';
import { type CallTransition, type CallWebhookType, applyCallEvent, toCallResource } from '@callwire/calls';
import { type Call, isUniqueViolation } from '@callwire/database';
import { type EdgeCallEvent, LiveEventsPublisher } from '@callwire/queues';
import { WebhookEventPublisher } from '../webhooks/webhook-event.publisher';
import { SipDomainAccounts } from '../edge-events/sip-domain-accounts';
import { CallRecordsRepository } from './call-records.repository';

/** An edge event about a call whose `initiated` has not been processed yet: retried by BullMQ. */
export class CallNotKnownYetError extends Error {}

/** The webhook steps a stored call has reached, with when, in the order receivers must see them. */
function stepsReached(call: Call): { type: CallWebhookType; at: Date }[] {
  const steps: { type: CallWebhookType; at: Date }[] = [{ type: 'call.initiated', at: call.startedAt }];
  if (call.ringingAt) steps.push({ type: 'call.ringing', at: call.ringingAt });
  if (call.answeredAt) steps.push({ type: 'call.answered', at: call.answeredAt });
  if (call.endedAt) steps.push({ type: 'call.completed', at: call.endedAt });
  return steps;
}

/** Keeps `Call` records from the edge's events and tells webhook subscribers about each step. */
@Injectable()
export class CallRecordsService {
  private readonly logger = new Logger(CallRecordsService.name);

  constructor(
    private readonly calls: CallRecordsRepository,
    private readonly accounts: SipDomainAccounts,
    private readonly webhooks: WebhookEventPublisher,
    private readonly live: LiveEventsPublisher,
  ) {}

  /**
   * `retry`: this event was tried before and may have stored its step without publishing it: then every
   * step the call reached and nobody heard of yet is published (a first try publishes only its own step).
   */
  async apply(event: EdgeCallEvent, retry = false): Promise<void> {
    // Carrier calls name their account: their From is the carrier's, not an account's domain.
    const accountId = event.accountId ?? (await this.accounts.idOf(event.sipDomain));
    if (!accountId) {
      this.logger.warn(`${event.event} of call ${event.sipCallId} for unknown domain ${event.sipDomain} dropped`);
      return;
    }
    let outcome = 'ignore' as CallTransition['kind'];
    const key = {
      accountId,
      sipCallId: event.sipCallId,
      direction: event.direction ?? 'internal',
      applicationId: event.applicationId,
    };
    const call = await this.calls.transition(key, (current) => {
      const transition = applyCallEvent(current, event, new Date(event.at));
      outcome = transition.kind;
      return transition.kind === 'change' ? transition.state : null;
    });
    if (outcome === 'unknown-call' || !call) throw new CallNotKnownYetError(`call ${event.sipCallId} not known yet`);
    if (outcome === 'change') this.live.publish(accountId, 'calls');
    if (outcome === 'ignore' && !retry) return;
    // The database refuses a step published twice, so healing after a crash may try again safely.
    const published = retry ? await this.calls.publishedTypes(accountId, call.id) : new Set<string>();
    const steps = retry ? stepsReached(call).filter((step) => !published.has(step.type)) : stepsReached(call).slice(-1);
    for (const { type, at } of steps) {
      try {
        const data = { ...toCallResource(call) };
        await this.webhooks.publish({
          accountId,
          type,
          orderingKey: call.id,
          createdAt: at,
          data,
          applicationId: call.applicationId,
        });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
    }
  }
}
