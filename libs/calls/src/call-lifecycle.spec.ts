import type { EdgeCallEvent } from '@callwire/queues';
import { type CallState, applyCallEvent, endedStatus } from './call-lifecycle';

const base = { kind: 'call', sipCallId: 'c1', sipDomain: 'acme.example' } as const;
const initiated: EdgeCallEvent = {
  ...base,
  event: 'initiated',
  from: 'sip:a@x',
  to: 'sip:b@x',
  transport: 'udp',
  at: 0,
};
const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, seconds));

function run(events: EdgeCallEvent[]): { state: CallState | null; webhooks: string[] } {
  let state: CallState | null = null;
  const webhooks: string[] = [];
  events.forEach((event, index) => {
    const transition = applyCallEvent(state, event, at(index));
    if (transition.kind === 'change') {
      state = transition.state;
      webhooks.push(transition.webhook);
    }
  });
  return { state, webhooks };
}

describe('call lifecycle', () => {
  it('initiated → ringing → answered → ended: completed, with the duration from the answer', () => {
    const { state, webhooks } = run([
      initiated,
      { ...base, event: 'ringing', at: 0 },
      { ...base, event: 'answered', at: 0 },
      { ...base, event: 'ended', sipStatus: 200, reason: 'BYE', hangupBy: 'callee', at: 0 },
    ]);
    expect(webhooks).toEqual(['call.initiated', 'call.ringing', 'call.answered', 'call.completed']);
    expect(state).toMatchObject({ status: 'completed', hangupBy: 'callee', durationMs: 1000, endedAt: at(3) });
  });

  it.each([
    [486, 'busy'],
    [603, 'busy'],
    [487, 'canceled'],
    [408, 'no-answer'],
    [480, 'no-answer'],
    [404, 'failed'],
    [500, 'failed'],
  ])('an unanswered call ending with %i is %s', (sipStatus, status) => {
    expect(endedStatus(sipStatus, false)).toBe(status);
    const { state: rang } = run([
      initiated,
      { ...base, event: 'ringing', at: 0 },
      { ...base, event: 'ended', sipStatus, at: 0 },
    ]);
    expect(rang).toMatchObject({ status, sipStatus });
  });

  it.each([408, 480])('a callee that never rang and ended with %i could not be reached: failed', (sipStatus) => {
    expect(endedStatus(sipStatus, false, false)).toBe('failed');
    const { state } = run([initiated, { ...base, event: 'ended', sipStatus, at: 0 }]);
    expect(state).toMatchObject({ status: 'failed', sipStatus, durationMs: 0, answeredAt: null });
  });

  it("records each leg's codec from the answer, and a later answer's (early media, then 200) over it", () => {
    const codecs = { callerCodec: 'opus', calleeCodec: 'PCMU' };
    const { state } = run([
      initiated,
      { ...base, event: 'ringing', at: 0 },
      { ...base, event: 'answered', ...codecs, at: 0 },
      { ...base, event: 'ended', sipStatus: 200, reason: 'BYE', at: 0 },
    ]);
    expect(state).toMatchObject({ status: 'completed', ...codecs });
    const { state: announced } = run([
      initiated,
      { ...base, event: 'ringing', at: 0 },
      { ...base, event: 'ended', sipStatus: 404, callerCodec: 'G722', calleeCodec: 'PCMA', at: 0 },
    ]);
    expect(announced).toMatchObject({ status: 'failed', callerCodec: 'G722', calleeCodec: 'PCMA' });
    const { state: withoutSdp } = run([initiated, { ...base, event: 'ended', sipStatus: 486, at: 0 }]);
    expect(withoutSdp).toMatchObject({ callerCodec: null, calleeCodec: null });
  });

  it('ignores repeats: one webhook per step', () => {
    const ringing: EdgeCallEvent = { ...base, event: 'ringing', at: 0 };
    const ended: EdgeCallEvent = { ...base, event: 'ended', sipStatus: 486, at: 0 };
    const { webhooks } = run([initiated, initiated, ringing, ringing, ended, ended]);
    expect(webhooks).toEqual(['call.initiated', 'call.ringing', 'call.completed']);
  });

  it('never leaves a final status, and waits for initiated before anything else', () => {
    expect(applyCallEvent(null, { ...base, event: 'ringing', at: 0 }, at(0))).toEqual({ kind: 'unknown-call' });
    const { state, webhooks } = run([
      initiated,
      { ...base, event: 'ended', sipStatus: 487, at: 0 },
      { ...base, event: 'answered', at: 0 },
      { ...base, event: 'ringing', at: 0 },
    ]);
    expect(webhooks).toEqual(['call.initiated', 'call.completed']);
    expect(state?.status).toBe('canceled');
  });
});
