import { isIP } from 'node:net';

/** One captured packet of a HEP v3 datagram (https://github.com/sipcapture/HEP, the format Homer reads). */
export interface HepPacket {
  readonly sourceIp: string;
  readonly sourcePort: number;
  readonly destinationIp: string;
  readonly destinationPort: number;
  /** Capture time in microseconds since the epoch. */
  readonly capturedAtUs: bigint;
  /** 1 = SIP. */
  readonly payloadType: number;
  /** The sender's authentication key (chunk 14), empty when it sent none. */
  readonly authKey: string;
  readonly payload: string;
}

const MAGIC = 'HEP3';
const HEADER_LENGTH = 6;
const CHUNK_HEADER_LENGTH = 6;

/** Generic chunk types (vendor 0) of HEP v3. */
export const HepChunk = {
  SourceIpv4: 3,
  DestinationIpv4: 4,
  SourceIpv6: 5,
  DestinationIpv6: 6,
  SourcePort: 7,
  DestinationPort: 8,
  TimestampSeconds: 9,
  TimestampMicroseconds: 10,
  PayloadType: 11,
  AuthKey: 14,
  Payload: 15,
} as const;

export const HEP_PAYLOAD_SIP = 1;

/** Dotted IPv4, or IPv6 as eight uncompressed groups (valid, if not the shortest form). */
function ipAddress(bytes: Buffer): string {
  if (bytes.length === 4) return [...bytes].join('.');
  if (bytes.length !== 16) return '';
  const groups: string[] = [];
  for (let offset = 0; offset < 16; offset += 2) groups.push(bytes.readUInt16BE(offset).toString(16));
  return groups.join(':');
}

/** Null for anything that is not a complete HEP v3 packet with addresses, ports, time and a payload. */
export function parseHep3(datagram: Buffer): HepPacket | null {
  if (datagram.length < HEADER_LENGTH || datagram.toString('latin1', 0, 4) !== MAGIC) return null;
  const total = datagram.readUInt16BE(4);
  if (total > datagram.length || total < HEADER_LENGTH) return null;
  const fields: Partial<Record<number, Buffer>> = {};
  for (let offset = HEADER_LENGTH; offset + CHUNK_HEADER_LENGTH <= total;) {
    const vendor = datagram.readUInt16BE(offset);
    const type = datagram.readUInt16BE(offset + 2);
    const length = datagram.readUInt16BE(offset + 4);
    if (length < CHUNK_HEADER_LENGTH || offset + length > total) return null;
    if (vendor === 0) fields[type] = datagram.subarray(offset + CHUNK_HEADER_LENGTH, offset + length);
    offset += length;
  }
  const source = fields[HepChunk.SourceIpv4] ?? fields[HepChunk.SourceIpv6];
  const destination = fields[HepChunk.DestinationIpv4] ?? fields[HepChunk.DestinationIpv6];
  const sourcePort = fields[HepChunk.SourcePort];
  const destinationPort = fields[HepChunk.DestinationPort];
  const seconds = fields[HepChunk.TimestampSeconds];
  const micros = fields[HepChunk.TimestampMicroseconds];
  const payload = fields[HepChunk.Payload];
  if (!source || !destination || sourcePort?.length !== 2 || destinationPort?.length !== 2) return null;
  if (seconds?.length !== 4 || micros?.length !== 4 || !payload) return null;
  const sourceIp = ipAddress(source);
  const destinationIp = ipAddress(destination);
  if (!isIP(sourceIp) || !isIP(destinationIp)) return null;
  return {
    sourceIp,
    sourcePort: sourcePort.readUInt16BE(0),
    destinationIp,
    destinationPort: destinationPort.readUInt16BE(0),
    capturedAtUs: BigInt(seconds.readUInt32BE(0)) * 1_000_000n + BigInt(micros.readUInt32BE(0)),
    payloadType: fields[HepChunk.PayloadType]?.[0] ?? 0,
    authKey: fields[HepChunk.AuthKey]?.toString('utf8') ?? '',
    payload: payload.toString('utf8'),
  };
}
