import { buildOptionsRequest, sipUri } from './options-request';
import { matchesRequest, parseSipResponse } from './response';

const local = { address: '192.0.2.10', port: 40123 };

function headerLines(text: string): string[] {
  return text.split('\r\n');
}

describe('buildOptionsRequest', () => {
  it('builds an RFC 3261 OPTIONS over UDP', () => {
    const request = buildOptionsRequest({
      target: { host: 'sip.carrier.example', port: 5060, transport: 'udp' },
      local,
      callId: 'c4ll-1d',
      branch: 'z9hG4bKabc123',
      fromTag: 'f00',
    });
    expect(request).toMatchObject({ callId: 'c4ll-1d', cseq: 1, branch: 'z9hG4bKabc123' });
    expect(headerLines(request.text)).toEqual([
      'OPTIONS sip:sip.carrier.example:5060 SIP/2.0',
      'Via: SIP/2.0/UDP 192.0.2.10:40123;branch=z9hG4bKabc123;rport',
      'Max-Forwards: 70',
      'From: <sip:callwire@192.0.2.10>;tag=f00',
      'To: <sip:sip.carrier.example:5060>',
      'Call-ID: c4ll-1d',
      'CSeq: 1 OPTIONS',
      'Contact: <sip:callwire@192.0.2.10:40123>',
      'Accept: application/sdp',
      'User-Agent: Callwire',
      'Content-Length: 0',
      '',
      '',
    ]);
  });

  it('names the transport in the Via, the Request-URI and the Contact for TCP and TLS', () => {
    const tls = buildOptionsRequest({ target: { host: '203.0.113.5', port: 5061, transport: 'tls' }, local });
    expect(tls.text).toMatch(/^OPTIONS sip:203\.0\.113\.5:5061;transport=tls SIP\/2\.0\r\n/);
    expect(tls.text).toContain('\r\nVia: SIP/2.0/TLS 192.0.2.10:40123;branch=');
    expect(tls.text).toContain('\r\nContact: <sip:callwire@192.0.2.10:40123;transport=tls>\r\n');
    expect(sipUri({ host: 'gw.example', port: 5060, transport: 'tcp' })).toBe('sip:gw.example:5060;transport=tcp');
  });

  it('puts IPv6 addresses in brackets', () => {
    const request = buildOptionsRequest({
      target: { host: '2001:db8::1', port: 5060, transport: 'udp' },
      local: { address: '2001:db8::2', port: 5070 },
    });
    expect(request.text).toMatch(/^OPTIONS sip:\[2001:db8::1\]:5060 SIP\/2\.0\r\n/);
    expect(request.text).toContain('Via: SIP/2.0/UDP [2001:db8::2]:5070;branch=');
  });

  it('makes a fresh transaction each time: new Call-ID, branch (with the magic cookie) and From tag', () => {
    const target = { host: 'gw.example', port: 5060, transport: 'udp' } as const;
    const first = buildOptionsRequest({ target, local });
    const second = buildOptionsRequest({ target, local });
    expect(first.branch).toMatch(/^z9hG4bK[0-9a-f]{20}$/);
    expect(first.callId).not.toBe(second.callId);
    expect(first.branch).not.toBe(second.branch);
    expect(/;tag=(\w+)/.exec(first.text)?.[1]).not.toBe(/;tag=(\w+)/.exec(second.text)?.[1]);
  });

  it('is answered by a response that echoes its Via, Call-ID and CSeq', () => {
    const request = buildOptionsRequest({ target: { host: 'gw.example', port: 5060, transport: 'udp' }, local });
    const lines = headerLines(request.text);
    const echoed = ['Via', 'From', 'Call-ID', 'CSeq'].map((name) => lines.find((line) => line.startsWith(`${name}:`)));
    const response = parseSipResponse(['SIP/2.0 200 OK', ...echoed, 'To: <sip:gw.example>;tag=x', '', ''].join('\r\n'));
    expect(response && matchesRequest(response, request)).toBe(true);
  });
});
