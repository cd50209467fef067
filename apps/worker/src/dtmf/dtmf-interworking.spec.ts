import {
  type EdgeDialog,
  dtmfInfoMessage,
  dtmfRelayBody,
  edgeAddressOf,
  parseDtmfDatagram,
  parseEdgeDialogs,
} from './dtmf-interworking';

/** A dialog as Kamailio 5.6's dlg.dlg_list_ctx prints it over JSON-RPC (trimmed). */
const printed = {
  h_entry: 1234,
  h_id: 5678,
  'call-id': 'c1@phone',
  from_uri: 'sip:softphone@acme.example',
  to_uri: 'sip:deskphone@acme.example',
  state: 4,
  caller: {
    tag: 'caller-tag',
    contact: 'sip:softphone@127.0.0.1:40001;transport=udp',
    cseq: '20',
    route_set: '',
    socket: 'udp:127.0.0.1:5060',
  },
  callee: {
    tag: 'callee-tag',
    contact: 'sip:deskphone@127.0.0.1:40002;transport=udp',
    cseq: '0',
    route_set: '<sip:10.0.0.9;lr>',
    socket: 'udp:127.0.0.1:5060',
  },
  profiles: [],
  variables: [{ dtmf_interwork: '1' }, { dtmf_caller: 'rfc4733' }, { dtmf_callee: 'info' }, { media: '1' }],
};

describe('parseDtmfDatagram', () => {
  it("reads rtpengine's DTMF report: event code to digit, the sending side's tag, the duration", () => {
    const report = {
      callid: 'c1@phone',
      source_tag: 'caller-tag',
      tags: ['caller-tag', 'callee-tag'],
      type: 'DTMF',
      timestamp: 1795258791,
      source_ip: '127.0.0.1',
      event: 11,
      duration: 180,
      volume: 10,
    };
    expect(parseDtmfDatagram(JSON.stringify(report))).toEqual({
      callId: 'c1@phone',
      sourceTag: 'caller-tag',
      digit: '#',
      durationMs: 180,
    });
    expect(parseDtmfDatagram(JSON.stringify({ ...report, event: 0 }))?.digit).toBe('0');
    expect(parseDtmfDatagram(JSON.stringify({ ...report, event: 10 }))?.digit).toBe('*');
    expect(parseDtmfDatagram(JSON.stringify({ ...report, event: 15 }))?.digit).toBe('D');
  });

  it.each([
    ['not JSON', 'Signal=5'],
    ['no call', JSON.stringify({ source_tag: 't', event: 5 })],
    ['no tag', JSON.stringify({ callid: 'c', event: 5 })],
    ['an event that is no digit', JSON.stringify({ callid: 'c', source_tag: 't', event: 16 })],
    ['a fractional event', JSON.stringify({ callid: 'c', source_tag: 't', event: 1.5 })],
    ['an event as text', JSON.stringify({ callid: 'c', source_tag: 't', event: '5' })],
    ['null', 'null'],
  ])('refuses %s', (_, datagram) => {
    expect(parseDtmfDatagram(datagram)).toBeNull();
  });
});

describe('parseEdgeDialogs', () => {
  it('reads legs, numbers and the dialog variables (a list of one-key objects)', () => {
    expect(parseEdgeDialogs(printed)).toEqual([
      {
        callId: 'c1@phone',
        fromUri: 'sip:softphone@acme.example',
        toUri: 'sip:deskphone@acme.example',
        caller: {
          tag: 'caller-tag',
          contact: 'sip:softphone@127.0.0.1:40001;transport=udp',
          cseq: 20,
          routeSet: '',
          socket: 'udp:127.0.0.1:5060',
        },
        callee: {
          tag: 'callee-tag',
          contact: 'sip:deskphone@127.0.0.1:40002;transport=udp',
          cseq: 0,
          routeSet: '<sip:10.0.0.9;lr>',
          socket: 'udp:127.0.0.1:5060',
        },
        variables: { dtmf_interwork: '1', dtmf_caller: 'rfc4733', dtmf_callee: 'info', media: '1' },
      },
    ]);
  });

  it('takes a list of dialogs and leaves out those without both legs (early or broken)', () => {
    const early = { ...printed, 'call-id': 'c2', callee: { tag: '', contact: '', cseq: '0' } };
    expect(parseEdgeDialogs([early, printed]).map((dialog) => dialog.callId)).toEqual(['c1@phone']);
    expect(parseEdgeDialogs(null)).toEqual([]);
    expect(parseEdgeDialogs('dialog')).toEqual([]);
  });
});

describe('dtmfInfoMessage', () => {
  const dialog: EdgeDialog = parseEdgeDialogs(printed)[0] as EdgeDialog;
  const local = { host: '127.0.0.1', port: 41000, branch: 'z9hG4bK-test' };

  it('an INFO for the INFO side, as the side that sent the digit, entering the edge on its UDP address', () => {
    const info = dtmfInfoMessage(
      dialog,
      { callId: 'c1@phone', sourceTag: 'caller-tag', digit: '5', durationMs: 160 },
      local,
      5060,
    );
    expect(info).toEqual({
      edge: { host: '127.0.0.1', port: 5060 },
      branch: 'z9hG4bK-test',
      message: [
        'INFO sip:deskphone@127.0.0.1:40002;transport=udp SIP/2.0',
        'Via: SIP/2.0/UDP 127.0.0.1:41000;branch=z9hG4bK-test;rport',
        'Max-Forwards: 70',
        // The edge's own route, with the dialog's From tag: the edge relays it like the caller's requests.
        'Route: <sip:127.0.0.1:5060;lr;ftag=caller-tag>',
        'From: <sip:softphone@acme.example>;tag=caller-tag',
        'To: <sip:deskphone@acme.example>;tag=callee-tag',
        'Call-ID: c1@phone',
        // The caller's own last CSeq: its next request (a BYE) stays in order for the callee.
        'CSeq: 20 INFO',
        'Content-Type: application/dtmf-relay',
        'Content-Length: 24',
        '',
        'Signal=5\r\nDuration=160\r\n',
      ].join('\r\n'),
    });
  });

  it('the other way round when the caller is the INFO side; a TLS leg enters on the UDP port', () => {
    const reversed: EdgeDialog = {
      ...dialog,
      caller: { ...dialog.caller, socket: 'tls:127.0.0.1:5061' },
      variables: { dtmf_interwork: '1', dtmf_caller: 'info', dtmf_callee: 'rfc4733' },
    };
    const info = dtmfInfoMessage(
      reversed,
      { callId: 'c1@phone', sourceTag: 'callee-tag', digit: '*', durationMs: 0 },
      local,
      5070,
    );
    expect(info?.edge).toEqual({ host: '127.0.0.1', port: 5070 });
    expect(info?.message).toMatch(/^INFO sip:softphone@127\.0\.0\.1:40001;transport=udp SIP\/2\.0\r\n/);
    expect(info?.message).toContain('\r\nRoute: <sip:127.0.0.1:5070;lr;ftag=caller-tag>\r\n');
    expect(info?.message).toContain('\r\nFrom: <sip:deskphone@acme.example>;tag=callee-tag\r\n');
    expect(info?.message).toContain('\r\nTo: <sip:softphone@acme.example>;tag=caller-tag\r\n');
    expect(info?.message).toContain('\r\nCSeq: 0 INFO\r\n');
    expect(info?.message.endsWith('\r\n\r\nSignal=*\r\nDuration=250\r\n')).toBe(true);
  });

  it('sends nothing to an RFC 4733 side, for a call without interworking, or for a tag of neither side', () => {
    const digit = { callId: 'c1@phone', digit: '1', durationMs: 100 };
    // From the INFO side: the edge plays its INFOs itself; a telephone-event from it goes on in the media.
    expect(dtmfInfoMessage(dialog, { ...digit, sourceTag: 'callee-tag' }, local, 5060)).toBeNull();
    expect(
      dtmfInfoMessage({ ...dialog, variables: {} }, { ...digit, sourceTag: 'caller-tag' }, local, 5060),
    ).toBeNull();
    expect(dtmfInfoMessage(dialog, { ...digit, sourceTag: 'someone-else' }, local, 5060)).toBeNull();
  });
});

describe('edgeAddressOf', () => {
  it('reads the socket Kamailio prints; IPv6 without brackets; nothing from what is not a socket', () => {
    expect(edgeAddressOf('udp:10.0.0.1:5080', 5060)).toEqual({ host: '10.0.0.1', port: 5080 });
    expect(edgeAddressOf('tcp:10.0.0.1:5080', 5060)).toEqual({ host: '10.0.0.1', port: 5060 });
    expect(edgeAddressOf('udp:[2001:db8::1]:5060', 5060)).toEqual({ host: '2001:db8::1', port: 5060 });
    expect(edgeAddressOf('', 5060)).toBeNull();
    expect(edgeAddressOf('10.0.0.1', 5060)).toBeNull();
  });
});

describe('dtmfRelayBody', () => {
  it('keeps the duration within what INFO receivers take (100-5000 ms, 250 when unknown)', () => {
    expect(dtmfRelayBody('9', 40)).toBe('Signal=9\r\nDuration=100\r\n');
    expect(dtmfRelayBody('9', 9000)).toBe('Signal=9\r\nDuration=5000\r\n');
    expect(dtmfRelayBody('9', 0)).toBe('Signal=9\r\nDuration=250\r\n');
  });
});
