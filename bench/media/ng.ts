import { randomBytes } from 'node:crypto';
import { type Socket, createSocket } from 'node:dgram';
import { once } from 'node:events';

/** A bencoded value of rtpengine's ng protocol. */
export type NgValue = string | number | NgValue[] | { [key: string]: NgValue };

export function bencode(value: NgValue): string {
  if (typeof value === 'number') return `i${value}e`;
  if (typeof value === 'string') return `${Buffer.byteLength(value)}:${value}`;
  if (Array.isArray(value)) return `l${value.map(bencode).join('')}e`;
  const keys = Object.keys(value).sort();
  return `d${keys.map((key) => bencode(key) + bencode(value[key])).join('')}e`;
}

export function bdecode(data: Buffer): NgValue {
  let at = 0;
  const next = (): NgValue => {
    const kind = String.fromCharCode(data[at]);
    if (kind === 'i') {
      const end = data.indexOf(0x65, at);
      const number = Number(data.subarray(at + 1, end).toString());
      at = end + 1;
      return number;
    }
    if (kind === 'l' || kind === 'd') {
      at++;
      const items: NgValue[] = [];
      while (data[at] !== 0x65) items.push(next());
      at++;
      if (kind === 'l') return items;
      const object: Record<string, NgValue> = {};
      for (let i = 0; i < items.length; i += 2) object[String(items[i])] = items[i + 1];
      return object;
    }
    const colon = data.indexOf(0x3a, at);
    const length = Number(data.subarray(at, colon).toString());
    const text = data.subarray(colon + 1, colon + 1 + length).toString();
    at = colon + 1 + length;
    return text;
  };
  return next();
}

/** An ng control client over UDP (one request at a time). */
export class NgClient {
  private readonly socket: Socket = createSocket('udp4');

  constructor(private readonly port: number) {}

  async request(command: Record<string, NgValue>): Promise<Record<string, NgValue>> {
    const cookie = randomBytes(6).toString('hex');
    this.socket.send(`${cookie} ${bencode(command)}`, this.port, '127.0.0.1');
    for (;;) {
      const [reply] = (await Promise.race([
        once(this.socket, 'message'),
        new Promise<never>((_, fail) => setTimeout(() => fail(new Error('rtpengine did not answer')), 5000)),
      ])) as [Buffer];
      const space = reply.indexOf(0x20);
      if (reply.subarray(0, space).toString() !== cookie) continue;
      const decoded = bdecode(reply.subarray(space + 1));
      if (typeof decoded !== 'object' || Array.isArray(decoded)) throw new Error('unexpected ng reply');
      if (decoded.result !== 'ok' && decoded.result !== 'pong') {
        throw new Error(`rtpengine: ${String(decoded.result)} ${String(decoded['error-reason'] ?? '')}`);
      }
      return decoded;
    }
  }

  close(): void {
    this.socket.close();
  }
}
