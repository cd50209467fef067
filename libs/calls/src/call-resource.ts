import type { CallState, CallStatusName } from './call-lifecycle';

/** A call as the API returns it and as webhooks carry it (`data` of call.* events). */
export interface CallResource {
  readonly id: string;
  readonly sipCallId: string;
  readonly from: string;
  readonly to: string;
  readonly direction: string;
  readonly status: CallStatusName;
  readonly sipStatus: number | null;
  readonly reason: string | null;
  readonly hangupBy: string | null;
  readonly transport: string | null;
  readonly startedAt: string;
  readonly ringingAt: string | null;
  readonly answeredAt: string | null;
  readonly endedAt: string | null;
  readonly durationMs: number | null;
  /** The codec of the caller's leg, e.g. `PCMU`, `G722`, `opus`; null until an answer with SDP. */
  readonly callerCodec: string | null;
  /** The codec of the callee's leg: another than the caller's when rtpengine transcodes. */
  readonly calleeCodec: string | null;
  /** The DTMF digits sent during the call, in order; only when the account records DTMF and one was sent. */
  readonly dtmfDigits?: string;
}

/** Prisma's enum spells two statuses with underscores (`in_progress`, `no_answer`). */
export function statusName(stored: string): CallStatusName {
  return stored.replace('_', '-') as CallStatusName;
}

export function storedStatus(status: CallStatusName): string {
  return status.replace('-', '_');
}

/** A call row: its state, with the status as stored (Prisma spells in_progress, no_answer). */
type StoredCall = Omit<CallState, 'status'> & {
  readonly id: string;
  readonly sipCallId: string;
  readonly direction: string;
  readonly status: string;
  /** Kept by the worker outside the call's state (accounts that record DTMF). */
  readonly dtmfDigits?: string | null;
};

export function toCallResource(call: StoredCall): CallResource {
  return {
    id: call.id,
    sipCallId: call.sipCallId,
    from: call.from,
    to: call.to,
    direction: call.direction,
    status: statusName(call.status),
    sipStatus: call.sipStatus,
    reason: call.reason,
    hangupBy: call.hangupBy,
    transport: call.transport,
    startedAt: call.startedAt.toISOString(),
    ringingAt: call.ringingAt?.toISOString() ?? null,
    answeredAt: call.answeredAt?.toISOString() ?? null,
    endedAt: call.endedAt?.toISOString() ?? null,
    durationMs: call.durationMs,
    callerCodec: call.callerCodec,
    calleeCodec: call.calleeCodec,
    ...(call.dtmfDigits ? { dtmfDigits: call.dtmfDigits } : {}),
  };
}
