import { createCipheriv, createHmac } from 'node:crypto';

/**
 * SRTP (RFC 3711) with AES_CM_128_HMAC_SHA1_80 for the media benchmark's SDES endpoints: the master key and
 * salt of an `a=crypto` inline key, session keys derived with the AES-CM PRF, packets encrypted (AES-128-CTR)
 * and authenticated (HMAC-SHA1, 80-bit tag). Rollover counter 0: a benchmark stream stays below 65536 packets.
 */
export class SrtpContext {
  private readonly key: Buffer;
  private readonly salt: Buffer;
  private readonly auth: Buffer;

  constructor(masterKeyAndSalt: Buffer) {
    if (masterKeyAndSalt.length !== 30) throw new Error('AES_CM_128_HMAC_SHA1_80 needs a 30-byte key and salt');
    const masterKey = masterKeyAndSalt.subarray(0, 16);
    const masterSalt = masterKeyAndSalt.subarray(16, 30);
    this.key = derive(masterKey, masterSalt, 0x00, 16);
    this.auth = derive(masterKey, masterSalt, 0x01, 20);
    this.salt = derive(masterKey, masterSalt, 0x02, 14);
  }

  /** The inline key of an `a=crypto:<tag> AES_CM_128_HMAC_SHA1_80 inline:<key>` line. */
  static fromInline(inline: string): SrtpContext {
    return new SrtpContext(Buffer.from(inline, 'base64'));
  }

  /** Encrypts an RTP packet (12-byte header, no CSRC or extension) and appends its 10-byte tag. */
  protect(rtp: Buffer): Buffer {
    const header = rtp.subarray(0, 12);
    const ssrc = rtp.readUInt32BE(8);
    const index = rtp.readUInt16BE(2);
    const cipher = createCipheriv('aes-128-ctr', this.key, this.counter(ssrc, index));
    const payload = Buffer.concat([cipher.update(rtp.subarray(12)), cipher.final()]);
    const packet = Buffer.concat([header, payload]);
    const tag = createHmac('sha1', this.auth).update(packet).update(Buffer.alloc(4)).digest().subarray(0, 10);
    return Buffer.concat([packet, tag]);
  }

  /** IV = (salt << 16) XOR (SSRC << 64) XOR (index << 16), RFC 3711 section 4.1.1. */
  private counter(ssrc: number, index: number): Buffer {
    const iv = Buffer.alloc(16);
    this.salt.copy(iv, 0);
    iv.writeUInt32BE((iv.readUInt32BE(4) ^ ssrc) >>> 0, 4);
    // index = ROC (0) << 16 | SEQ: bytes 12-13 of the block after the 16-bit shift.
    iv.writeUInt16BE(iv.readUInt16BE(12) ^ index, 12);
    return iv;
  }
}

/** The AES-CM key derivation (key_derivation_rate 0): label at byte 7 of the salt, counter block encrypted. */
function derive(masterKey: Buffer, masterSalt: Buffer, label: number, length: number): Buffer {
  const iv = Buffer.alloc(16);
  masterSalt.copy(iv, 0);
  iv[7] ^= label;
  const cipher = createCipheriv('aes-128-ctr', masterKey, iv);
  return Buffer.concat([cipher.update(Buffer.alloc(length)), cipher.final()]);
}
