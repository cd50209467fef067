import { Injectable, Logger } from '@nestjs/common';
import { toCallResource } from '@callwire/calls';
import { type CallKey, CallsRepository, uuidv7 } from '@callwire/database';
import { type EdgeCallEvent, LiveEventsPublisher } from '@callwire/queues';
import type { WebhookPayload } from '@callwire/webhooks';
import { SipDomainAccounts } from '../edge-events/sip-domain-accounts';
import type { NewWebhookEvent } from '../webhook-events/webhook-events.repository';
import { WebhookEventsRepository } from '../webhook-events/webhook-events.repository';
import type { OutgoingDelivery } from '../webhook-deliveries/webhook-dispatch';
import { type FoldedCallEvents, type KeyedCallEvent, callKey, foldCallEvents } from './call-events.fold';

/** A call event and what its caller needs back when it cannot be applied yet (e.g. its stream entry). */
export interface CallEventInput<Ref> {
  readonly event: EdgeCallEvent;
  readonly ref: Ref;
}

export interface AppliedCallEvents<Ref> {
  /** Events about calls whose `initiated` has not been applied yet: the caller tries them again later. */
  readonly notKnownYet: readonly Ref[];
  /** The deliveries the batch's webhook events created, in event order: to send now. */
  readonly deliveries: readonly OutgoingDelivery[];
}

/**
 * Keeps `Call` records from the edge's events and publishes a webhook event for each step, a batch at a time:
 * one transaction loads the batch's calls, applies its events in order (applyCallEvent), saves the changed
 * calls and stores the webhook events with their deliveries. A step is therefore never stored without its
 * webhook event, and a replayed batch changes nothing (applyCallEvent ignores repeats).
 */
@Injectable()
export class CallRecordsService {
  private readonly logger = new Logger(CallRecordsService.name);

  constructor(
    private readonly calls: CallsRepository,
    private readonly accounts: SipDomainAccounts,
    private readonly webhookEvents: WebhookEventsRepository,
    private readonly live: LiveEventsPublisher,
  ) {}

  async applyBatch<Ref>(inputs: readonly CallEventInput<Ref>[]): Promise<AppliedCallEvents<Ref>> {
    const keyed: KeyedCallEvent<Ref>[] = [];
    const keys = new Map<string, CallKey>();
    for (const { event, ref } of inputs) {
      // Carrier calls name their account: their From is the carrier's, not an account's domain.
      const accountId = event.accountId ?? (event.sipDomain ? await this.accounts.idOf(event.sipDomain) : null);
      if (!accountId) {
        this.logger.warn(`${event.event} of call ${event.sipCallId} for unknown domain ${event.sipDomain} dropped`);
        continue;
      }
      const key = callKey(accountId, event.sipCallId);
      keyed.push({ key, event, ref });
      // A new record takes its direction and application from its initiated event.
      if (!keys.has(key) || event.event === 'initiated') {
        keys.set(key, {
          accountId,
          sipCallId: event.sipCallId,
          direction: event.direction ?? 'internal',
          applicationId: event.applicationId,
        });
      }
    }
    if (keyed.length === 0) return { notKnownYet: [], deliveries: [] };
    let folded: FoldedCallEvents<Ref> | undefined;
    const deliveries = await this.calls.applyBatch(
      [...keys.values()],
      (stored) => {
        folded = foldCallEvents(stored, keyed);
        return folded.changed;
      },
      async (client, saved) => {
        const payloads = new Map<string, { payload: WebhookPayload; orderingKey: string }>();
        const events: (NewWebhookEvent & { id: string })[] = [];
        for (const step of folded?.steps ?? []) {
          const call = saved.get(step.key);
          if (!call) continue;
          const id = uuidv7(step.at.getTime());
          const data = {
            ...toCallResource({ ...step.state, id: call.id, sipCallId: call.sipCallId, direction: call.direction }),
          };
          events.push({
            id,
            accountId: call.accountId,
            type: step.type,
            orderingKey: call.id,
            createdAt: step.at,
            data,
            applicationId: call.applicationId,
          });
          const payload = { id, type: step.type, createdAt: step.at.toISOString(), accountId: call.accountId, data };
          payloads.set(id, { payload, orderingKey: call.id });
        }
        const created = await this.webhookEvents.createManyWithDeliveries(client, events, new Date());
        return created.flatMap((delivery): OutgoingDelivery[] => {
          const event = payloads.get(delivery.eventId);
          if (!event) return [];
          const { payload, orderingKey } = event;
          return [{ ...delivery, accountId: payload.accountId, orderingKey, body: JSON.stringify(payload) }];
        });
      },
    );
    const changedAccounts = new Set([...(folded?.changed.keys() ?? [])].map((key) => key.split(' ')[0] ?? ''));
    for (const accountId of changedAccounts) this.live.publish(accountId, 'calls');
    return { notKnownYet: folded?.unknown.map((unknown) => unknown.ref) ?? [], deliveries };
  }
}
