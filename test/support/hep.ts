import { HEP_PAYLOAD_SIP, HepChunk } from '../../apps/worker/src/sip-trace/hep';

/** A HEP v3 datagram as Kamailio's siptrace writes it (chunks: vendor 0, type, length incl. 6-byte header). */
export function hep3(chunks: ReadonlyArray<readonly [number, Buffer]>): Buffer {
  const body = Buffer.concat(
    chunks.map(([type, data]) => {
      const header = Buffer.alloc(6);
      header.writeUInt16BE(0, 0);
      header.writeUInt16BE(type, 2);
      header.writeUInt16BE(6 + data.length, 4);
      return Buffer.concat([header, data]);
    }),
  );
  const header = Buffer.alloc(6);
  header.write('HEP3', 0, 'latin1');
  header.writeUInt16BE(6 + body.length, 4);
  return Buffer.concat([header, body]);
}

export const u8 = (value: number) => Buffer.from([value]);
export const u16 = (value: number) => Buffer.from([value >> 8, value & 0xff]);
export const u32 = (value: number) => {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32BE(value);
  return buffer;
};

/** A SIP message as the edge mirrors it, with the test configuration's SIP_TRACE_AUTH_KEY unless told otherwise. */
export function sipHep(payload: string, capturedAtMs = 1_763_700_000_123, authKey = 'h'.repeat(32)): Buffer {
  return hep3([
    [1, u8(2)],
    [2, u8(17)],
    [HepChunk.SourceIpv4, Buffer.from([127, 0, 0, 3])],
    [HepChunk.DestinationIpv4, Buffer.from([127, 0, 0, 1])],
    [HepChunk.SourcePort, u16(5080)],
    [HepChunk.DestinationPort, u16(5060)],
    [HepChunk.TimestampSeconds, u32(Math.floor(capturedAtMs / 1000))],
    [HepChunk.TimestampMicroseconds, u32((capturedAtMs % 1000) * 1000 + 7)],
    [HepChunk.PayloadType, u8(HEP_PAYLOAD_SIP)],
    [12, u32(1)],
    [HepChunk.AuthKey, Buffer.from(authKey)],
    [HepChunk.Payload, Buffer.from(payload)],
  ]);
}
