import type { EdgeCallEvent } from '@callwire/queues';

/** Call statuses as the API and webhooks spell them. */
export type CallStatusName =
  'initiated' | 'ringing' | 'in-progress' | 'completed' | 'busy' | 'failed' | 'no-answer' | 'canceled';

const FINAL: ReadonlySet<CallStatusName> = new Set(['completed', 'busy', 'failed', 'no-answer', 'canceled']);

export function isFinal(status: CallStatusName): boolean {
  return FINAL.has(status);
}

/**
 * How a call that ended with this final SIP status is reported (an answered call is always completed). A timeout
 * or "unavailable" is no-answer only when the callee rang: a callee that could not be reached at all failed.
 */
export function endedStatus(sipStatus: number | undefined, answered: boolean, rang = true): CallStatusName {
  if (answered) return 'completed';
  if (sipStatus === 486 || sipStatus === 600 || sipStatus === 603) return 'busy';
  if (sipStatus === 487) return 'canceled';
  if ((sipStatus === 408 || sipStatus === 480) && rang) return 'no-answer';
  return 'failed';
}

/** What the platform knows of a call. */
export interface CallState {
  readonly status: CallStatusName;
  readonly from: string;
  readonly to: string;
  readonly transport: string | null;
  readonly startedAt: Date;
  readonly ringingAt: Date | null;
  readonly answeredAt: Date | null;
  readonly endedAt: Date | null;
  readonly durationMs: number | null;
  readonly sipStatus: number | null;
  readonly reason: string | null;
  readonly hangupBy: string | null;
  /** The codec of the caller's leg and of the callee's (they differ when the media is transcoded). */
  readonly callerCodec: string | null;
  readonly calleeCodec: string | null;
}

/** The codecs an event names, over those known (an answer with SDP names both legs'). */
function codecsOf(current: CallState, event: EdgeCallEvent): Pick<CallState, 'callerCodec' | 'calleeCodec'> {
  if (!event.callerCodec || !event.calleeCodec)
    return { callerCodec: current.callerCodec, calleeCodec: current.calleeCodec };
  return { callerCodec: event.callerCodec, calleeCodec: event.calleeCodec };
}

export type CallWebhookType = 'call.initiated' | 'call.ringing' | 'call.answered' | 'call.completed';

export type CallTransition =
  /** The event changes the call: store `state`, tell subscribers `webhook`. */
  | { readonly kind: 'change'; readonly state: CallState; readonly webhook: CallWebhookType }
  /** A repeat, or news too late to matter (the call already moved on): nothing to do. */
  | { readonly kind: 'ignore' }
  /** About a call not known yet (its `initiated` is still on the way): try again later. */
  | { readonly kind: 'unknown-call' };

/**
 * Applies one edge event to a call. Idempotent (a repeated event is ignored) and order-tolerant: a call
 * never leaves a final status, an answer learnt after the end still records answeredAt.
 */
export function applyCallEvent(current: CallState | null, event: EdgeCallEvent, at: Date): CallTransition {
  if (event.event === 'initiated') {
    if (current) return { kind: 'ignore' };
    return {
      kind: 'change',
      webhook: 'call.initiated',
      state: {
        status: 'initiated',
        from: event.from ?? '',
        to: event.to ?? '',
        transport: event.transport ?? null,
        startedAt: at,
        ringingAt: null,
        answeredAt: null,
        endedAt: null,
        durationMs: null,
        sipStatus: null,
        reason: null,
        hangupBy: null,
        callerCodec: null,
        calleeCodec: null,
      },
    };
  }
  if (!current) return { kind: 'unknown-call' };
  switch (event.event) {
    case 'ringing':
      if (current.status !== 'initiated') return { kind: 'ignore' };
      return { kind: 'change', webhook: 'call.ringing', state: { ...current, status: 'ringing', ringingAt: at } };
    case 'answered':
      if (current.answeredAt || isFinal(current.status)) return { kind: 'ignore' };
      return {
        kind: 'change',
        webhook: 'call.answered',
        state: { ...current, ...codecsOf(current, event), status: 'in-progress', answeredAt: at },
      };
    case 'ended': {
      if (isFinal(current.status)) return { kind: 'ignore' };
      const answered = current.answeredAt !== null;
      return {
        kind: 'change',
        webhook: 'call.completed',
        state: {
          ...current,
          ...codecsOf(current, event),
          status: endedStatus(event.sipStatus, answered, current.ringingAt !== null),
          sipStatus: event.sipStatus ?? null,
          reason: event.reason ?? null,
          hangupBy: answered ? (event.hangupBy ?? null) : null,
          endedAt: at,
          durationMs: current.answeredAt ? Math.max(0, at.getTime() - current.answeredAt.getTime()) : 0,
        },
      };
    }
  }
}
