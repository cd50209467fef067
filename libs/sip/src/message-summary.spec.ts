import { summarizeSipMessage } from './message-summary';

const invite = [
  'INVITE sip:bob@example.com SIP/2.0',
  'Via: SIP/2.0/WSS df7jal23ls0d.invalid;branch=z9hG4bK1;rport',
  'i: a84b4c76e66710@pc33',
  'CSeq: 314159 invite',
  'Content-Length: 4',
  '',
  'v=0',
].join('\r\n');

describe('summarizeSipMessage', () => {
  it('summarizes a request, compact headers and the top Via transport included', () => {
    expect(summarizeSipMessage(invite)).toEqual({
      callId: 'a84b4c76e66710@pc33',
      cseq: '314159 INVITE',
      cseqMethod: 'INVITE',
      method: 'INVITE',
      statusCode: null,
      reasonPhrase: null,
      transport: 'wss',
    });
  });

  it('summarizes a response with the method it answers', () => {
    const ringing =
      'SIP/2.0 180 Ringing\nv: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK2\nCall-ID: c1\nCSeq: 2 INVITE\n\n';
    expect(summarizeSipMessage(ringing)).toMatchObject({
      method: null,
      statusCode: 180,
      reasonPhrase: 'Ringing',
      cseqMethod: 'INVITE',
      transport: 'udp',
    });
  });

  it.each([
    ['no Call-ID', 'BYE sip:a@b SIP/2.0\r\nCSeq: 1 BYE\r\n\r\n'],
    ['a broken CSeq', 'BYE sip:a@b SIP/2.0\r\nCall-ID: x\r\nCSeq: BYE\r\n\r\n'],
    ['not SIP', 'GET / HTTP/1.1\r\nCall-ID: x\r\nCSeq: 1 GET\r\n\r\n'],
    ['empty', ''],
  ])('refuses %s', (_case, text) => expect(summarizeSipMessage(text)).toBeUndefined());
});
