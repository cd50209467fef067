import { parseEdgeEvent } from './edge-event.parser';

describe('parseEdgeEvent', () => {
  it('reads what the edge writes (samples taken from a real Kamailio run)', () => {
    expect(
      parseEdgeEvent(
        '{"kind":"call","event":"initiated","sipCallId":"1-9508@127.0.0.1","ts":"1795258791.717575","sipDomain":"acme.example","from":"sip:alice@acme.example","to":"sip:bob@acme.example","transport":"udp"}',
      ),
    ).toEqual({
      kind: 'call',
      event: 'initiated',
      sipCallId: '1-9508@127.0.0.1',
      sipDomain: 'acme.example',
      at: 1795258791718,
      from: 'sip:alice@acme.example',
      to: 'sip:bob@acme.example',
      transport: 'udp',
      sipStatus: undefined,
      reason: undefined,
      hangupBy: undefined,
    });
    expect(
      parseEdgeEvent(
        '{"kind":"call","event":"ended","sipCallId":"c","ts":"1795258791.925114","sipDomain":"acme.example","sipStatus":200,"reason":"BYE","hangupBy":"caller"}',
      ),
    ).toMatchObject({ event: 'ended', sipStatus: 200, reason: 'BYE', hangupBy: 'caller' });
    // An end the platform reports itself (a hang-up through the API) names the account by its id.
    expect(
      parseEdgeEvent(
        '{"kind":"call","event":"ended","sipCallId":"c","ts":"1795258791.925114","accountId":"0190f1d8-7b4a-7c3e-9a1b-2c3d4e5f6a7b","sipStatus":200,"reason":"BYE","hangupBy":"edge"}',
      ),
    ).toMatchObject({ event: 'ended', sipDomain: undefined, accountId: '0190f1d8-7b4a-7c3e-9a1b-2c3d4e5f6a7b' });
    expect(
      parseEdgeEvent(
        '{"kind":"registration","event":"removed","aor":"bob@acme.example","sipDomain":"acme.example","contact":"<sip:bob@127.0.0.1:43017>","ts":"1795258792.051881","reason":"unregistered"}',
      ),
    ).toMatchObject({ kind: 'registration', event: 'removed', aor: 'bob@acme.example', reason: 'unregistered' });
  });

  it('reads a DTMF digit (the edge took it as INFO, or the worker heard it from rtpengine); refuses anything else', () => {
    const digit = (fields: Record<string, unknown>) =>
      parseEdgeEvent(
        JSON.stringify({
          kind: 'dtmf',
          sipCallId: 'c',
          ts: '1795258791.925114',
          sipDomain: 'acme.example',
          digit: '5',
          source: 'caller',
          method: 'info',
          ...fields,
        }),
      );
    expect(digit({})).toEqual({
      kind: 'dtmf',
      sipCallId: 'c',
      sipDomain: 'acme.example',
      accountId: undefined,
      digit: '5',
      source: 'caller',
      method: 'info',
      at: 1795258791925,
    });
    expect(digit({ digit: '#', source: 'callee', method: 'rfc4733' })).toMatchObject({ digit: '#', source: 'callee' });
    expect(digit({ accountId: '0190f1d8-7b4a-7c3e-9a1b-2c3d4e5f6a7b' })).toMatchObject({
      accountId: '0190f1d8-7b4a-7c3e-9a1b-2c3d4e5f6a7b',
    });
    for (const wrong of [{ digit: '55' }, { digit: 'x' }, { digit: '' }, { source: 'edge' }, { method: 'inband' }]) {
      expect(digit(wrong)).toBeNull();
    }
    expect(digit({ sipDomain: undefined })).toBeNull();
  });

  it("names each leg's codec from the edge's first SDP format (rtpmap, or a static payload type)", () => {
    const answered = (callerCodec: string, calleeCodec: string) =>
      parseEdgeEvent(
        JSON.stringify({
          kind: 'call',
          event: 'answered',
          sipCallId: 'c',
          ts: '1',
          sipDomain: 'd',
          callerCodec,
          calleeCodec,
        }),
      );
    expect(answered('111 opus/48000/2', '0 PCMU/8000')).toMatchObject({ callerCodec: 'opus', calleeCodec: 'PCMU' });
    expect(answered('9', '8')).toMatchObject({ callerCodec: 'G722', calleeCodec: 'PCMA' });
    expect(answered('96 G722/8000', '18')).toMatchObject({ callerCodec: 'G722', calleeCodec: 'G729' });
    expect(answered('97', 'junk <script>')).toMatchObject({ callerCodec: undefined, calleeCodec: undefined });
  });

  it('reads a block the edge reports (the edge-blocks contract)', () => {
    expect(
      parseEdgeEvent(
        '{"kind":"security","event":"blocked","ip":"203.0.113.7","reason":"auth-failures","until":"1795259391","ts":"1795258791.5"}',
      ),
    ).toEqual({
      kind: 'security',
      event: 'blocked',
      ip: '203.0.113.7',
      reason: 'auth-failures',
      until: 1795259391000,
      at: 1795258791500,
    });
    expect(
      parseEdgeEvent(
        '{"kind":"security","event":"blocked","ip":"2001:db8::7","reason":"scanner","until":"2","ts":"1"}',
      ),
    ).toMatchObject({ ip: '2001:db8::7', reason: 'scanner' });
  });

  it.each([
    'not json',
    '{"kind":"security","event":"blocked","ip":"not-an-ip","reason":"flood","until":"2","ts":"1"}',
    '{"kind":"security","event":"blocked","ip":"203.0.113.7","reason":"boredom","until":"2","ts":"1"}',
    '{"kind":"security","event":"blocked","ip":"203.0.113.7","reason":"flood","ts":"1"}',
    '{"kind":"security","event":"unblocked","ip":"203.0.113.7","reason":"flood","until":"2","ts":"1"}',
    'null',
    '{"kind":"call","event":"initiated","sipCallId":"c","sipDomain":"d","from":"f","to":"t"}',
    '{"kind":"call","event":"exploded","sipCallId":"c","sipDomain":"d","ts":"1"}',
    '{"kind":"call","event":"initiated","sipCallId":"c","sipDomain":"d","ts":"1"}',
    '{"kind":"call","event":"ringing","sipDomain":"d","ts":"1"}',
    '{"kind":"call","event":"ringing","sipCallId":"c","ts":"1"}',
    '{"kind":"call","event":"ringing","sipCallId":"c","accountId":"not-a-uuid","ts":"1"}',
    '{"kind":"registration","event":"created","sipDomain":"d","ts":"1"}',
    '{"kind":"dialog","event":"created","ts":"1"}',
  ])('refuses %s', (json) => {
    expect(parseEdgeEvent(json)).toBeNull();
  });
});
