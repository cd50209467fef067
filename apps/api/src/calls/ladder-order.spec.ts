import { type LadderEntry, causalOrder } from './ladder-order';

const A = '127.0.0.1:5070';
const EDGE = '127.0.0.1:5060';
const B = '127.0.0.1:5080';
const request = (cseq: string, source: string, destination: string): LadderEntry => ({
  cseq,
  source,
  destination,
  statusCode: null,
});
const response = (status: number, cseq: string, source: string, destination: string): LadderEntry => ({
  cseq,
  source,
  destination,
  statusCode: status,
});

describe('causalOrder', () => {
  it('keeps capture order when it is already causal', () => {
    const entries = [
      request('1 INVITE', A, EDGE),
      response(100, '1 INVITE', EDGE, A),
      request('1 INVITE', EDGE, B),
      response(200, '1 INVITE', B, EDGE),
    ];
    expect(causalOrder(entries)).toEqual(entries);
  });

  it('moves a response stamped before its request to right after it', () => {
    const byeIn = request('2 BYE', A, EDGE);
    const okFromB = response(200, '2 BYE', B, EDGE);
    const byeOut = request('2 BYE', EDGE, B);
    const okToA = response(200, '2 BYE', EDGE, A);
    expect(causalOrder([byeIn, okFromB, byeOut, okToA])).toEqual([byeIn, byeOut, okFromB, okToA]);
  });

  it('leaves responses whose request was not captured where they are', () => {
    const stray = response(200, '9 BYE', B, EDGE);
    const invite = request('1 INVITE', A, EDGE);
    expect(causalOrder([stray, invite])).toEqual([stray, invite]);
  });
});
