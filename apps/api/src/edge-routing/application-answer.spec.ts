import { InvalidApplicationAnswer, parseApplicationAnswer } from './application-answer';

describe('parseApplicationAnswer', () => {
  it('reads a dial with defaults', () => {
    expect(parseApplicationAnswer({ action: 'dial', targets: [{ type: 'client', target: 'bob' }] })).toEqual({
      action: 'dial',
      targets: [{ type: 'client', target: 'bob' }],
      timeoutSeconds: 30,
    });
  });

  it('reads a dial with every option', () => {
    const answer = {
      action: 'dial',
      targets: [
        { type: 'sip-user', target: 'alice' },
        { type: 'sip-uri', target: 'sip:desk@pbx.example.com:5070' },
      ],
      timeoutSeconds: 12,
      callerId: '+15550100',
    };
    expect(parseApplicationAnswer(answer)).toEqual(answer);
  });

  it('reads reject and forward', () => {
    expect(parseApplicationAnswer({ action: 'reject', status: 486 })).toEqual({ action: 'reject', status: 486 });
    expect(parseApplicationAnswer({ action: 'reject', status: 603, reason: 'Declined' })).toEqual({
      action: 'reject',
      status: 603,
      reason: 'Declined',
    });
    expect(parseApplicationAnswer({ action: 'forward', uri: 'sips:x@example.com' })).toEqual({
      action: 'forward',
      uri: 'sips:x@example.com',
    });
  });

  it.each([
    ['not an object', []],
    ['unknown action', { action: 'play' }],
    ['no targets', { action: 'dial', targets: [] }],
    ['eleven targets', { action: 'dial', targets: Array(11).fill({ type: 'client', target: 'a' }) }],
    ['bad target type', { action: 'dial', targets: [{ type: 'pstn', target: '+1555' }] }],
    ['bad sip uri', { action: 'dial', targets: [{ type: 'sip-uri', target: 'http://x' }] }],
    ['username with @', { action: 'dial', targets: [{ type: 'sip-user', target: 'a@b' }] }],
    ['timeout 0', { action: 'dial', targets: [{ type: 'client', target: 'a' }], timeoutSeconds: 0 }],
    ['timeout as text', { action: 'dial', targets: [{ type: 'client', target: 'a' }], timeoutSeconds: '30' }],
    ['caller id with spaces', { action: 'dial', targets: [{ type: 'client', target: 'a' }], callerId: 'a b' }],
    ['reject 200', { action: 'reject', status: 200 }],
    ['reject without status', { action: 'reject' }],
    ['reject reason with CRLF', { action: 'reject', status: 486, reason: 'x\r\nVia: evil' }],
    ['forward to http', { action: 'forward', uri: 'https://example.com' }],
  ])('refuses %s', (_name, body) => {
    expect(() => parseApplicationAnswer(body)).toThrow(InvalidApplicationAnswer);
  });
});
