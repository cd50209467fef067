import { createHash, createHmac, randomBytes } from 'node:crypto';
import { createSocket, type Socket } from 'node:dgram';
import { EventEmitter, once } from 'node:events';

/**
 * A minimal TURN client over UDP (RFC 5766 / RFC 8656 on STUN, RFC 8489), written for the tests: Allocate,
 * CreatePermission and ChannelBind with long-term credentials (the TURN REST API kind coturn checks), Send
 * indications out and Data indications in. IPv4 peers only.
 */

const MAGIC_COOKIE = 0x2112a442;
const METHOD = { allocate: 0x003, createPermission: 0x008, channelBind: 0x009 } as const;
const SEND_INDICATION = 0x0016;
const DATA_INDICATION = 0x0017;
const SUCCESS_CLASS = 0x0100;
const ATTR = {
  username: 0x0006,
  messageIntegrity: 0x0008,
  errorCode: 0x0009,
  channelNumber: 0x000c,
  xorPeerAddress: 0x0012,
  data: 0x0013,
  realm: 0x0014,
  nonce: 0x0015,
  xorRelayedAddress: 0x0016,
  requestedTransport: 0x0019,
} as const;

export interface Peer {
  readonly address: string;
  readonly port: number;
}

interface StunMessage {
  readonly type: number;
  readonly transactionId: string;
  readonly attributes: Map<number, Buffer>;
}

/** 0 for a success response, else the STUN error code (401, 403, …). */
function statusOf(message: StunMessage): number {
  if ((message.type & 0x0110) === SUCCESS_CLASS) return 0;
  const error = message.attributes.get(ATTR.errorCode);
  return error ? (error[2] & 0x7) * 100 + error[3] : -1;
}

function attribute(type: number, value: Buffer): Buffer {
  const header = Buffer.alloc(4);
  header.writeUInt16BE(type, 0);
  header.writeUInt16BE(value.length, 2);
  return Buffer.concat([header, value, Buffer.alloc((4 - (value.length % 4)) % 4)]);
}

function xorAddress(peer: Peer): Buffer {
  const value = Buffer.alloc(8);
  value.writeUInt8(0x01, 1);
  value.writeUInt16BE(peer.port ^ (MAGIC_COOKIE >>> 16), 2);
  const octets = peer.address.split('.').map(Number);
  value.writeUInt32BE((((octets[0] << 24) | (octets[1] << 16) | (octets[2] << 8) | octets[3]) ^ MAGIC_COOKIE) >>> 0, 4);
  return value;
}

function peerOf(value: Buffer): Peer {
  const ip = (value.readUInt32BE(4) ^ MAGIC_COOKIE) >>> 0;
  return {
    address: [ip >>> 24, (ip >>> 16) & 0xff, (ip >>> 8) & 0xff, ip & 0xff].join('.'),
    port: value.readUInt16BE(2) ^ (MAGIC_COOKIE >>> 16),
  };
}

/** A STUN message; with `integrityKey`, MESSAGE-INTEGRITY (HMAC-SHA1) over everything before it. */
function encode(type: number, transactionId: Buffer, attributes: Buffer[], integrityKey?: Buffer): Buffer {
  const body = Buffer.concat(attributes);
  const header = Buffer.alloc(20);
  header.writeUInt16BE(type, 0);
  header.writeUInt16BE(body.length + (integrityKey ? 24 : 0), 2);
  header.writeUInt32BE(MAGIC_COOKIE, 4);
  transactionId.copy(header, 8);
  const message = Buffer.concat([header, body]);
  if (!integrityKey) return message;
  const integrity = createHmac('sha1', integrityKey).update(message).digest();
  return Buffer.concat([message, attribute(ATTR.messageIntegrity, integrity)]);
}

function decode(packet: Buffer): StunMessage | undefined {
  if (packet.length < 20 || packet.readUInt32BE(4) !== MAGIC_COOKIE) return undefined;
  const attributes = new Map<number, Buffer>();
  const end = Math.min(packet.length, 20 + packet.readUInt16BE(2));
  for (let at = 20; at + 4 <= end;) {
    const type = packet.readUInt16BE(at);
    const length = packet.readUInt16BE(at + 2);
    if (!attributes.has(type)) attributes.set(type, packet.subarray(at + 4, at + 4 + length));
    at += 4 + length + ((4 - (length % 4)) % 4);
  }
  return { type: packet.readUInt16BE(0), transactionId: packet.toString('hex', 8, 20), attributes };
}

export class TurnClient {
  private readonly responses = new Map<string, (message: StunMessage) => void>();
  private readonly data: { peer: Peer; data: Buffer }[] = [];
  private readonly arrivals = new EventEmitter();
  private realm: Buffer | undefined;
  private nonce: Buffer | undefined;

  private constructor(
    private readonly socket: Socket,
    private readonly server: Peer,
    private readonly username: string,
    private readonly key: (realm: Buffer) => Buffer,
  ) {
    socket.on('message', (packet: Buffer) => {
      const message = decode(packet);
      if (!message) return;
      if (message.type === DATA_INDICATION) {
        const peer = message.attributes.get(ATTR.xorPeerAddress);
        const data = message.attributes.get(ATTR.data);
        if (peer && data) this.data.push({ peer: peerOf(peer), data: Buffer.from(data) });
        this.arrivals.emit('data');
        return;
      }
      this.responses.get(message.transactionId)?.(message);
    });
  }

  /** A client of the TURN server at `server` with the long-term credentials `username`/`password`. */
  static async connect(server: Peer, username: string, password: string): Promise<TurnClient> {
    const socket = createSocket('udp4');
    await new Promise<void>((done) => socket.bind(0, '127.0.0.1', done));
    const key = (realm: Buffer) => createHash('md5').update(`${username}:${realm.toString()}:${password}`).digest();
    return new TurnClient(socket, server, username, key);
  }

  /** Allocate (UDP relay): 0 and the relayed address on success, else the error code. */
  async allocate(): Promise<{ status: number; relayed?: Peer }> {
    const transport = Buffer.from([17, 0, 0, 0]);
    const reply = await this.request(METHOD.allocate, [attribute(ATTR.requestedTransport, transport)]);
    const relayed = reply.attributes.get(ATTR.xorRelayedAddress);
    return { status: statusOf(reply), relayed: relayed && peerOf(relayed) };
  }

  /** CreatePermission toward `peer`: 0, or the error code (403 for a peer the server refuses). */
  async createPermission(peer: Peer): Promise<number> {
    return statusOf(await this.request(METHOD.createPermission, [attribute(ATTR.xorPeerAddress, xorAddress(peer))]));
  }

  /** ChannelBind of `channel` (0x4000-0x4FFF) to `peer`: 0, or the error code. */
  async channelBind(channel: number, peer: Peer): Promise<number> {
    const number = Buffer.alloc(4);
    number.writeUInt16BE(channel, 0);
    const attributes = [attribute(ATTR.channelNumber, number), attribute(ATTR.xorPeerAddress, xorAddress(peer))];
    return statusOf(await this.request(METHOD.channelBind, attributes));
  }

  /** A Send indication: the server relays `data` to `peer` if a permission allows it (no answer either way). */
  send(peer: Peer, data: Buffer): void {
    const attributes = [attribute(ATTR.xorPeerAddress, xorAddress(peer)), attribute(ATTR.data, data)];
    this.socket.send(encode(SEND_INDICATION, randomBytes(12), attributes), this.server.port, this.server.address);
  }

  /**
   * The next datagram a peer sent through the relay (Data indication) as soon as it is there, or undefined when
   * none came within `timeoutMs`: that silence is what a test of a refused relay asserts, so it waits it out.
   */
  async received(timeoutMs: number): Promise<{ peer: Peer; data: Buffer } | undefined> {
    if (this.data.length === 0) {
      await once(this.arrivals, 'data', { signal: AbortSignal.timeout(timeoutMs) }).catch(() => undefined);
    }
    return this.data.shift();
  }

  close(): void {
    this.socket.close();
  }

  /** One request; a 401/438 challenge (realm, nonce) is answered once with the credentials. */
  private async request(method: number, attributes: Buffer[]): Promise<StunMessage> {
    const first = await this.transaction(method, attributes);
    const status = statusOf(first);
    if (status !== 401 && status !== 438) return first;
    this.realm = first.attributes.get(ATTR.realm) ?? this.realm;
    this.nonce = first.attributes.get(ATTR.nonce) ?? this.nonce;
    return this.transaction(method, attributes);
  }

  private async transaction(method: number, attributes: Buffer[]): Promise<StunMessage> {
    const id = randomBytes(12);
    const credentials =
      this.realm && this.nonce
        ? [
            attribute(ATTR.username, Buffer.from(this.username)),
            attribute(ATTR.realm, this.realm),
            attribute(ATTR.nonce, this.nonce),
          ]
        : [];
    const message = encode(method, id, [...attributes, ...credentials], this.realm && this.key(this.realm));
    const reply = new Promise<StunMessage>((resolve) => this.responses.set(id.toString('hex'), resolve));
    try {
      // UDP: retransmit until an answer, as RFC 8489 clients do (500 ms, at most 4 tries here).
      for (let attempt = 0; attempt < 4; attempt++) {
        this.socket.send(message, this.server.port, this.server.address);
        const answer = await Promise.race([reply, new Promise<undefined>((r) => setTimeout(() => r(undefined), 500))]);
        if (answer) return answer;
      }
      throw new Error(`no TURN answer from ${this.server.address}:${this.server.port}`);
    } finally {
      this.responses.delete(id.toString('hex'));
    }
  }
}

/** A UDP socket on `address` that sends every datagram back to where it came from. */
export async function udpEcho(address: string): Promise<{ peer: Peer; close: () => void }> {
  const socket = createSocket('udp4');
  socket.on('message', (data, from) => socket.send(data, from.port, from.address));
  socket.bind(0, address);
  await once(socket, 'listening');
  return { peer: { address, port: socket.address().port }, close: () => socket.close() };
}
