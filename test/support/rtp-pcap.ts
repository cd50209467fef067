import { writeFileSync } from 'node:fs';

/** G.711 μ-law (PCMU) of one 16-bit sample (ITU-T G.711, with the usual bias of 0x84 and clip at 32635). */
export function muLaw(sample: number): number {
  const BIAS = 0x84;
  const sign = sample < 0 ? 0x80 : 0;
  let magnitude = Math.min(Math.abs(sample), 32635) + BIAS;
  let exponent = 7;
  for (let mask = 0x4000; (magnitude & mask) === 0 && exponent > 0; mask >>= 1) exponent--;
  const mantissa = (magnitude >> (exponent + 3)) & 0x0f;
  magnitude = sign | (exponent << 4) | mantissa;
  return ~magnitude & 0xff;
}

/** The IPv4 header checksum (RFC 791) of `header`. */
function ipChecksum(header: Buffer): number {
  let sum = 0;
  for (let i = 0; i < header.length; i += 2) sum += header.readUInt16BE(i);
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >> 16);
  return ~sum & 0xffff;
}

/** One Ethernet/IPv4/UDP frame around `payload` (loopback addresses; SIPp sends the UDP payload, addressed anew). */
function frame(payload: Buffer, id: number): Buffer {
  const ethernet = Buffer.alloc(14);
  ethernet.writeUInt16BE(0x0800, 12);
  const ip = Buffer.alloc(20);
  ip.writeUInt8(0x45, 0);
  ip.writeUInt16BE(20 + 8 + payload.length, 2);
  ip.writeUInt16BE(id & 0xffff, 4);
  ip.writeUInt8(64, 8);
  ip.writeUInt8(17, 9); // UDP
  ip.set([127, 0, 0, 1], 12);
  ip.set([127, 0, 0, 1], 16);
  ip.writeUInt16BE(ipChecksum(ip), 10);
  const udp = Buffer.alloc(8);
  udp.writeUInt16BE(40000, 0);
  udp.writeUInt16BE(40002, 2);
  udp.writeUInt16BE(8 + payload.length, 4);
  return Buffer.concat([ethernet, ip, udp, payload]);
}

/**
 * Writes a pcap (Ethernet) of RTP packets carrying a sine tone as PCMU (payload type 0), 20 ms per packet, for
 * SIPp's play_pcap_audio: a carrier's ringback or announcement that a test can recognise by its frequency.
 */
export function writeTonePcap(path: string, frequency: number, seconds: number, amplitude = 12_000): void {
  const SAMPLE_RATE = 8000;
  const SAMPLES_PER_PACKET = 160;
  const packets = Math.round((seconds * SAMPLE_RATE) / SAMPLES_PER_PACKET);
  const ssrc = 0x4ca11e7;
  const records: Buffer[] = [];
  const global = Buffer.alloc(24);
  global.writeUInt32LE(0xa1b2c3d4, 0);
  global.writeUInt16LE(2, 4);
  global.writeUInt16LE(4, 6);
  global.writeUInt32LE(65535, 16); // snap length
  global.writeUInt32LE(1, 20); // LINKTYPE_ETHERNET
  records.push(global);
  for (let n = 0; n < packets; n++) {
    const rtp = Buffer.alloc(12 + SAMPLES_PER_PACKET);
    rtp.writeUInt8(0x80, 0);
    rtp.writeUInt8(n === 0 ? 0x80 : 0, 1); // marker on the first packet, payload type 0 (PCMU)
    rtp.writeUInt16BE(n & 0xffff, 2);
    rtp.writeUInt32BE(n * SAMPLES_PER_PACKET, 4);
    rtp.writeUInt32BE(ssrc, 8);
    for (let i = 0; i < SAMPLES_PER_PACKET; i++) {
      const t = (n * SAMPLES_PER_PACKET + i) / SAMPLE_RATE;
      rtp.writeUInt8(muLaw(Math.round(amplitude * Math.sin(2 * Math.PI * frequency * t))), 12 + i);
    }
    const data = frame(rtp, n);
    const header = Buffer.alloc(16);
    const micros = n * 20_000;
    header.writeUInt32LE(Math.floor(micros / 1_000_000), 0);
    header.writeUInt32LE(micros % 1_000_000, 4);
    header.writeUInt32LE(data.length, 8);
    header.writeUInt32LE(data.length, 12);
    records.push(header, data);
  }
  writeFileSync(path, Buffer.concat(records));
}
