import { parseEdgeEvent } from '../edge-events/edge-event.parser';
import type { ActiveCall } from '@callwire/database';
import { ANSWERED_LOST, GRACE_MS, UNANSWERED_LOST, edgeStreamEntry, isPastGrace, lostCallEnd } from './lost-call';

const NOW = Date.UTC(2026, 11, 3, 12, 0, 0);
const call = (startedAgoMs: number, answeredAgoMs?: number): ActiveCall => ({
  accountId: '0190f3c2-8a1e-7000-8000-000000000001',
  sipDomain: 'acme.example',
  sipCallId: 'lost-1@127.0.0.1',
  startedAt: new Date(NOW - startedAgoMs),
  answeredAt: answeredAgoMs === undefined ? null : new Date(NOW - answeredAgoMs),
});

describe('lost calls', () => {
  it('an answered call lost in an edge restart ended when the edge started; otherwise now', () => {
    const answered = call(70_000, 60_000);
    expect(lostCallEnd(answered, NOW - 20_000, NOW)).toMatchObject({
      event: 'ended',
      at: NOW - 20_000,
      sipStatus: 200,
      hangupBy: 'edge',
      reason: ANSWERED_LOST,
      accountId: answered.accountId,
    });
    expect(lostCallEnd(answered, NOW - 3_600_000, NOW).at).toBe(NOW);
  });

  it('an unanswered call has no final answer nor hang-up side', () => {
    const end = lostCallEnd(call(60_000), NOW - 3_600_000, NOW);
    expect(end).toMatchObject({ event: 'ended', at: NOW, reason: UNANSWERED_LOST });
    expect(end.sipStatus).toBeUndefined();
    expect(end.hangupBy).toBeUndefined();
  });

  it('is written in the edge wire format the stream reader parses back', () => {
    const end = lostCallEnd(call(70_000, 60_000), NOW - 20_000, NOW);
    expect(parseEdgeEvent(edgeStreamEntry(end))).toEqual({ ...end, direction: undefined, applicationId: undefined });
  });

  it('waits the grace: answered ones after their answer, unanswered ones past the ring timeout', () => {
    expect(isPastGrace(call(60_000, GRACE_MS + 1), NOW, 30_000)).toBe(true);
    expect(isPastGrace(call(60_000, GRACE_MS - 1), NOW, 30_000)).toBe(false);
    expect(isPastGrace(call(30_000 + GRACE_MS + 1), NOW, 30_000)).toBe(true);
    expect(isPastGrace(call(30_000 + GRACE_MS - 1), NOW, 30_000)).toBe(false);
  });
});
