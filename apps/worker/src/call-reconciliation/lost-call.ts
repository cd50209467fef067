import type { EdgeCallEvent } from '@callwire/queues';
import type { ActiveCall } from '@callwire/database';

/** Why a record without a dialog was ended, unanswered (→ failed) and answered (→ completed). */
export const UNANSWERED_LOST = 'no dialog on the edge';
export const ANSWERED_LOST = 'reconciled: dialog gone';

/**
 * The `ended` event of a call whose dialog the edge no longer has. It ended when the edge last started if
 * that was after the call's last step (a restart drops every dialog), else at `now` (as late as known).
 * Answered: 200 was its final answer, the edge ended it. Unanswered: no final answer is known, so failed.
 */
export function lostCallEnd(call: ActiveCall, edgeStartedAt: number, now: number): EdgeCallEvent {
  const lastStep = (call.answeredAt ?? call.startedAt).getTime();
  const answered = call.answeredAt !== null;
  return {
    kind: 'call',
    event: 'ended',
    sipCallId: call.sipCallId,
    sipDomain: call.sipDomain,
    accountId: call.accountId,
    at: edgeStartedAt > lastStep ? Math.min(edgeStartedAt, now) : now,
    reason: answered ? ANSWERED_LOST : UNANSWERED_LOST,
    ...(answered ? { sipStatus: 200, hangupBy: 'edge' } : {}),
  };
}

/** The edge's wire format of a call event (a JSON stream entry, `ts` in seconds as Kamailio's $TV(Sn)). */
export function edgeStreamEntry({ at, ...event }: EdgeCallEvent): string {
  return JSON.stringify({ ...event, ts: (at / 1000).toFixed(3) });
}

/** How long after its last step a record may lack a dialog while its `ended` is still on its way. */
export const GRACE_MS = 5000;

/**
 * Whether a record without a dialog has waited long enough to be ended: an answered one GRACE_MS after its
 * answer, an unanswered one once the edge would have given up ringing it (SIP_NO_ANSWER_MS) plus GRACE_MS.
 */
export function isPastGrace(call: ActiveCall, now: number, noAnswerMs: number): boolean {
  if (call.answeredAt) return now - call.answeredAt.getTime() > GRACE_MS;
  return now - call.startedAt.getTime() > noAnswerMs + GRACE_MS;
}
