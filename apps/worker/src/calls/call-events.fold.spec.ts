import type { CallState } from '@callwire/calls';
import type { EdgeCallEvent } from '@callwire/queues';
import { callKey, foldCallEvents } from './call-events.fold';

const event = (name: EdgeCallEvent['event'], sipCallId: string, at: number, extra: Partial<EdgeCallEvent> = {}) =>
  ({
    key: callKey('acct', sipCallId),
    ref: `${sipCallId}/${name}`,
    event: {
      kind: 'call',
      event: name,
      sipCallId,
      sipDomain: 'acme.example',
      at,
      from: 'sip:a@x',
      to: 'sip:b@x',
      ...extra,
    },
  }) as const;

describe('foldCallEvents', () => {
  it('applies a call from initiated to its end in one batch, one step per change, each with its own state', () => {
    const folded = foldCallEvents(new Map(), [
      event('initiated', 'c1', 1000),
      event('ringing', 'c1', 1100),
      event('ringing', 'c1', 1150), // a repeat: ignored
      event('answered', 'c1', 1200),
      event('ended', 'c1', 3200, { sipStatus: 200, reason: 'BYE', hangupBy: 'caller' }),
    ]);
    expect(folded.steps.map((step) => [step.type, step.state.status])).toEqual([
      ['call.initiated', 'initiated'],
      ['call.ringing', 'ringing'],
      ['call.answered', 'in-progress'],
      ['call.completed', 'completed'],
    ]);
    expect(folded.changed.get(callKey('acct', 'c1'))).toMatchObject({ status: 'completed', durationMs: 2000 });
    expect(folded.unknown).toEqual([]);
  });

  it('continues a stored call and keeps calls apart', () => {
    const stored: CallState = {
      status: 'ringing',
      from: 'f',
      to: 't',
      transport: 'udp',
      startedAt: new Date(0),
      ringingAt: new Date(5),
      answeredAt: null,
      endedAt: null,
      durationMs: null,
      sipStatus: null,
      reason: null,
      hangupBy: null,
      callerCodec: null,
      calleeCodec: null,
    };
    const folded = foldCallEvents(new Map([[callKey('acct', 'old'), stored]]), [
      event('initiated', 'new', 10),
      event('ended', 'old', 20, { sipStatus: 486 }),
    ]);
    expect(folded.changed.get(callKey('acct', 'old'))).toMatchObject({ status: 'busy', sipStatus: 486 });
    expect(folded.changed.get(callKey('acct', 'new'))).toMatchObject({ status: 'initiated' });
    expect(folded.steps.map((step) => step.key)).toEqual([callKey('acct', 'new'), callKey('acct', 'old')]);
  });

  it('hands back the events of calls whose initiated it has not seen, in order', () => {
    const folded = foldCallEvents(new Map(), [event('ringing', 'c9', 1), event('answered', 'c9', 2)]);
    expect(folded.unknown.map((keyed) => keyed.ref)).toEqual(['c9/ringing', 'c9/answered']);
    expect(folded.steps).toEqual([]);
    expect(folded.changed.size).toBe(0);
  });
});
