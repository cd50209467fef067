import { Logger } from '@nestjs/common';
import { sipHep } from '../../../../test/support/hep';
import type { CapturedSipMessage, SipMessagesRepository } from '@callwire/database';
import { SipTraceCollector } from './sip-trace.collector';
import { testConfig } from '../../../../test/support/test-config';

const message = (startLine: string, cseq: string) =>
  `${startLine}\r\nVia: SIP/2.0/UDP 127.0.0.3:5080;branch=z9hG4bK1\r\nCall-ID: call-1\r\nCSeq: ${cseq}\r\nContent-Length: 0\r\n\r\n`;

beforeAll(() => Logger.overrideLogger(false));

describe('SipTraceCollector', () => {
  function setUp() {
    const stored: CapturedSipMessage[] = [];
    const repository = {
      insertMany: jest.fn(async (messages: readonly CapturedSipMessage[]) => void stored.push(...messages)),
      deleteOlderThan: jest.fn(async () => 0),
    };
    const config = testConfig({ SIP_TRACE_RETENTION_HOURS: '2' });
    const collector = new SipTraceCollector(
      config,
      repository as Pick<SipMessagesRepository, 'insertMany' | 'deleteOlderThan'> as SipMessagesRepository,
    );
    return { collector, repository, stored };
  }

  it('stores the messages of calls with what the ladder needs', async () => {
    const { collector, stored } = setUp();
    collector.accept(sipHep(message('INVITE sip:+15550001@127.0.0.1 SIP/2.0', '1 INVITE')));
    collector.accept(sipHep(message('SIP/2.0 180 Ringing', '1 INVITE')));
    await collector.flush();
    expect(stored).toEqual([
      expect.objectContaining({
        sipCallId: 'call-1',
        sourceIp: '127.0.0.3',
        sourcePort: 5080,
        destinationPort: 5060,
        transport: 'udp',
        method: 'INVITE',
        statusCode: null,
        cseq: '1 INVITE',
      }),
      expect.objectContaining({ method: null, statusCode: 180, reasonPhrase: 'Ringing' }),
    ]);
    expect(stored[0]?.payload).toContain('INVITE sip:+15550001@127.0.0.1 SIP/2.0');
  });

  it('leaves out registrations, keep-alives, whatever is not SIP and packets without the key', async () => {
    const { collector, repository } = setUp();
    collector.accept(sipHep(message('REGISTER sip:example.com SIP/2.0', '7 REGISTER')));
    collector.accept(sipHep(message('SIP/2.0 200 OK', '3 OPTIONS')));
    collector.accept(sipHep('not a SIP message'));
    // A packet without the edge's key: anyone on the host could have sent it.
    collector.accept(sipHep(message('BYE sip:a@b SIP/2.0', '2 BYE'), Date.now(), 'not-the-key'));
    collector.accept(sipHep(message('BYE sip:a@b SIP/2.0', '2 BYE'), Date.now(), ''));
    collector.accept(Buffer.from('garbage'));
    await collector.flush();
    expect(repository.insertMany).not.toHaveBeenCalled();
  });

  it('keeps going when a batch cannot be stored', async () => {
    const { collector, repository, stored } = setUp();
    repository.insertMany.mockRejectedValueOnce(new Error('database down'));
    collector.accept(sipHep(message('BYE sip:a@b SIP/2.0', '2 BYE')));
    await collector.flush();
    collector.accept(sipHep(message('SIP/2.0 200 OK', '2 BYE')));
    await collector.flush();
    expect(stored.map((row) => row.statusCode)).toEqual([200]);
  });

  it('deletes what is older than the retention, batch after batch', async () => {
    const { collector, repository } = setUp();
    repository.deleteOlderThan.mockResolvedValueOnce(5000).mockResolvedValueOnce(12);
    const now = Date.UTC(2026, 10, 21, 12);
    expect(await collector.sweep(now)).toBe(5012);
    expect(repository.deleteOlderThan).toHaveBeenCalledWith(BigInt(now - 2 * 3_600_000) * 1000n, 5000);
  });
});
