import {
  SipStreamFramer,
  describeResponse,
  matchesRequest,
  parseSipResponse,
  parseStatusLine,
  topViaBranch,
} from './response';

const request = { callId: 'abc@192.0.2.10', cseq: 1, branch: 'z9hG4bKbranch1' };

function response(status: string, headers: string[]): string {
  return [status, ...headers, '', ''].join('\r\n');
}

const matching = [
  'Via: SIP/2.0/UDP 192.0.2.10:40123;branch=z9hG4bKbranch1;rport=40123;received=192.0.2.10',
  'From: <sip:callwire@192.0.2.10>;tag=f00',
  'To: <sip:gw.example:5060>;tag=t0',
  'Call-ID: abc@192.0.2.10',
  'CSeq: 1 OPTIONS',
  'Content-Length: 0',
];

describe('parseStatusLine', () => {
  it('reads the status code and the reason phrase', () => {
    expect(parseStatusLine('SIP/2.0 200 OK')).toEqual({ status: 200, reason: 'OK' });
    expect(parseStatusLine('SIP/2.0 404 Not Found\r')).toEqual({ status: 404, reason: 'Not Found' });
    expect(parseStatusLine('SIP/2.0 503')).toEqual({ status: 503, reason: '' });
  });

  it('refuses requests and anything that is not a SIP/2.0 status line', () => {
    expect(parseStatusLine('OPTIONS sip:gw.example SIP/2.0')).toBeUndefined();
    expect(parseStatusLine('HTTP/1.1 200 OK')).toBeUndefined();
    expect(parseStatusLine('SIP/2.0 99 Odd')).toBeUndefined();
    expect(parseStatusLine('SIP/2.0 OK')).toBeUndefined();
    expect(parseStatusLine('')).toBeUndefined();
  });
});

describe('describeResponse', () => {
  it('is the code and the reason, or the code alone', () => {
    expect(describeResponse({ status: 405, reason: 'Method Not Allowed' })).toBe('405 Method Not Allowed');
    expect(describeResponse({ status: 200, reason: '' })).toBe('200');
  });
});

describe('parseSipResponse', () => {
  it('reads the headers case-insensitively, expands compact names and unfolds continuation lines', () => {
    const parsed = parseSipResponse(
      response('SIP/2.0 200 OK', [
        'v: SIP/2.0/UDP 192.0.2.10:40123;branch=z9hG4bKbranch1',
        'VIA: SIP/2.0/UDP 198.51.100.1;branch=z9hG4bKother',
        'i: abc@192.0.2.10',
        'cseq: 1',
        '  OPTIONS',
        'l: 0',
      ]),
    );
    expect(parsed?.status).toBe(200);
    expect(parsed?.headers.get('via')).toHaveLength(2);
    expect(parsed?.headers.get('call-id')).toEqual(['abc@192.0.2.10']);
    expect(parsed?.headers.get('cseq')).toEqual(['1 OPTIONS']);
    expect(parsed && matchesRequest(parsed, request)).toBe(true);
  });

  it('ignores the body and accepts bare LF line ends', () => {
    const parsed = parseSipResponse(
      ['SIP/2.0 200 OK', 'Call-ID: x', 'Content-Type: application/sdp', '', 'v=0', 'Call-ID: y'].join('\n'),
    );
    expect(parsed?.headers.get('call-id')).toEqual(['x']);
  });

  it('refuses requests', () => {
    expect(parseSipResponse(response('OPTIONS sip:x SIP/2.0', matching))).toBeUndefined();
  });
});

describe('matchesRequest', () => {
  const parse = (headers: string[]) => parseSipResponse(response('SIP/2.0 404 Not Found', headers))!;

  it('matches the response of the same transaction', () => {
    expect(matchesRequest(parse(matching), request)).toBe(true);
  });

  it.each([
    ['another Call-ID', 'Call-ID: abc@192.0.2.10', 'Call-ID: other@192.0.2.10'],
    ['another CSeq number', 'CSeq: 1 OPTIONS', 'CSeq: 2 OPTIONS'],
    ['another CSeq method', 'CSeq: 1 OPTIONS', 'CSeq: 1 INVITE'],
    ['another branch', 'branch=z9hG4bKbranch1;', 'branch=z9hG4bKbranch2;'],
    ['no Via', /^Via: .*$/, 'X-Via: none'],
  ])('refuses %s', (_, from, to) => {
    expect(matchesRequest(parse(matching.map((line) => line.replace(from, to))), request)).toBe(false);
  });

  it('takes the branch of the topmost Via, also when one header lists several', () => {
    const parsed = parse(['Via: SIP/2.0/UDP a;branch=z9hG4bKtop, SIP/2.0/UDP b;branch=z9hG4bKbranch1']);
    expect(topViaBranch(parsed)).toBe('z9hG4bKtop');
  });
});

describe('SipStreamFramer', () => {
  const bytes = (text: string) => Buffer.from(text, 'utf8');

  it('frames messages by Content-Length, across chunks, skipping keep-alive CRLFs', () => {
    const framer = new SipStreamFramer();
    const withBody = 'SIP/2.0 100 Trying\r\nContent-Length: 11\r\n\r\nv=0\r\no=é\r\n';
    const second = 'SIP/2.0 200 OK\r\nl: 0\r\n\r\n';
    const stream = bytes(`\r\n\r\n${withBody}${second}`);
    const heads: string[] = [];
    for (let i = 0; i < stream.length; i += 7) heads.push(...framer.push(stream.subarray(i, i + 7)));
    expect(heads).toEqual(['SIP/2.0 100 Trying\r\nContent-Length: 11', 'SIP/2.0 200 OK\r\nl: 0']);
  });

  it('waits for the whole body before returning a message', () => {
    const framer = new SipStreamFramer();
    expect(framer.push(bytes('SIP/2.0 200 OK\r\nContent-Length: 4\r\n\r\nab'))).toEqual([]);
    expect(framer.push(bytes('cd'))).toEqual(['SIP/2.0 200 OK\r\nContent-Length: 4']);
  });
});
