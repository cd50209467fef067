import { HEP_PAYLOAD_SIP, HepChunk, parseHep3 } from './hep';
import { hep3, sipHep, u16, u32 } from '../../../../test/support/hep';

describe('parseHep3', () => {
  it('reads addresses, ports, the microsecond capture time and the SIP payload', () => {
    expect(parseHep3(sipHep('INVITE sip:x SIP/2.0\r\n\r\n'))).toEqual({
      sourceIp: '127.0.0.3',
      sourcePort: 5080,
      destinationIp: '127.0.0.1',
      destinationPort: 5060,
      capturedAtUs: 1_763_700_000_123_007n,
      payloadType: HEP_PAYLOAD_SIP,
      authKey: 'h'.repeat(32),
      payload: 'INVITE sip:x SIP/2.0\r\n\r\n',
    });
  });

  it('reads IPv6 addresses', () => {
    const loopback6 = Buffer.alloc(16);
    loopback6[15] = 1;
    const packet = hep3([
      [HepChunk.SourceIpv6, loopback6],
      [HepChunk.DestinationIpv6, loopback6],
      [HepChunk.SourcePort, u16(1)],
      [HepChunk.DestinationPort, u16(2)],
      [HepChunk.TimestampSeconds, u32(1)],
      [HepChunk.TimestampMicroseconds, u32(2)],
      [HepChunk.Payload, Buffer.from('x')],
    ]);
    expect(parseHep3(packet)).toMatchObject({ sourceIp: '0:0:0:0:0:0:0:1', capturedAtUs: 1_000_002n, authKey: '' });
  });

  it.each([
    ['another protocol', Buffer.from('HEP2\x00\x06')],
    ['a length beyond the datagram', Buffer.concat([Buffer.from('HEP3'), u16(999)])],
    ['a chunk running past the end', Buffer.concat([Buffer.from('HEP3'), u16(12), u16(0), u16(15), u16(50)])],
    ['no payload', hep3([[HepChunk.SourcePort, u16(1)]])],
    ['nothing', Buffer.alloc(0)],
  ])('refuses %s', (_case, datagram) => expect(parseHep3(datagram)).toBeNull());
});
