import { type CallState, type CallWebhookType, applyCallEvent } from '@callwire/calls';
import type { EdgeCallEvent } from '@callwire/queues';

/** A call event with the record it is about: `key` names (account, Call-ID), see callKey(). */
export interface KeyedCallEvent<Ref> {
  readonly key: string;
  readonly event: EdgeCallEvent;
  /** What the caller needs back for an event that cannot be applied yet (e.g. its stream entry). */
  readonly ref: Ref;
}

/** A step a call reached in this batch: its webhook, and the call as it was right after the step. */
export interface CallStep {
  readonly key: string;
  readonly type: CallWebhookType;
  readonly at: Date;
  readonly state: CallState;
}

export interface FoldedCallEvents<Ref> {
  /** The calls to store (new or changed), by key, as they are after the whole batch. */
  readonly changed: ReadonlyMap<string, CallState>;
  /** Every step reached, in the order of the events: one webhook each. */
  readonly steps: readonly CallStep[];
  /** Events about calls whose `initiated` has not been seen (neither stored nor earlier in the batch). */
  readonly unknown: readonly KeyedCallEvent<Ref>[];
}

/** The record key of a call (the account and the SIP Call-ID), as CallsRepository.applyBatch keys its maps. */
export { callKey } from '@callwire/database';

/**
 * Applies a batch of events, in order, to the calls as stored (applyCallEvent for each): what to store, which
 * webhooks to publish, and which events are about calls not known yet. Pure: the caller loads and saves.
 */
export function foldCallEvents<Ref>(
  stored: ReadonlyMap<string, CallState>,
  events: readonly KeyedCallEvent<Ref>[],
): FoldedCallEvents<Ref> {
  const current = new Map(stored);
  const changed = new Map<string, CallState>();
  const steps: CallStep[] = [];
  const unknown: KeyedCallEvent<Ref>[] = [];
  for (const keyed of events) {
    const at = new Date(keyed.event.at);
    const transition = applyCallEvent(current.get(keyed.key) ?? null, keyed.event, at);
    if (transition.kind === 'unknown-call') unknown.push(keyed);
    if (transition.kind !== 'change') continue;
    current.set(keyed.key, transition.state);
    changed.set(keyed.key, transition.state);
    steps.push({ key: keyed.key, type: transition.webhook, at, state: transition.state });
  }
  return { changed, steps, unknown };
}
