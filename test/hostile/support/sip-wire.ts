import { createHash, randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { once } from 'node:events';
import { type Socket, connect as connectTcp } from 'node:net';
import { connect as connectTls } from 'node:tls';
import WebSocket from 'ws';

/**
 * Raw SIP on the wire for hostile-traffic specs: a link over UDP, TCP, TLS or WSS from a chosen loopback source
 * address (127.0.0.2, 127.0.0.3 … play attackers, so that bans never hit the legitimate client on 127.0.0.1),
 * that sends any bytes, well-formed or not, and collects what the edge answers.
 */
export type Transport = 'udp' | 'tcp' | 'tls' | 'wss';
export const TRANSPORTS: readonly Transport[] = ['udp', 'tcp', 'tls', 'wss'];

export interface SipLink {
  readonly transport: Transport;
  readonly localAddress: string;
  readonly localPort: number;
  /** What this client puts in Via and Contact (for WSS the .invalid host browsers use). */
  readonly via: string;
  send(data: string | Buffer): void;
  /** The next message the edge sent, or undefined when none came within `timeoutMs`. */
  next(timeoutMs?: number): Promise<string | undefined>;
  /** Everything received so far, in order (including messages already taken by next()). */
  readonly received: readonly string[];
  /** Resolves when the edge (or the network) closed the connection; never for UDP. */
  readonly closed: Promise<void>;
  close(): void;
}

export interface EdgePorts {
  readonly port: number;
  readonly tlsPort: number;
  readonly wssPort: number;
}

class Inbox {
  readonly all: string[] = [];
  private readonly queued: string[] = [];
  private readonly waiters: ((message: string) => void)[] = [];

  push(message: string): void {
    this.all.push(message);
    const waiter = this.waiters.shift();
    if (waiter) waiter(message);
    else this.queued.push(message);
  }

  next(timeoutMs: number): Promise<string | undefined> {
    const queued = this.queued.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    return new Promise((resolve) => {
      const waiter = (message: string) => {
        clearTimeout(timer);
        resolve(message);
      };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        resolve(undefined);
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }
}

/** Splits a SIP byte stream into messages by Content-Length (RFC 3261 §18.3). */
function streamFramer(inbox: Inbox): (chunk: Buffer) => void {
  let buffer = '';
  return (chunk) => {
    buffer += chunk.toString('latin1');
    for (;;) {
      buffer = buffer.replace(/^(\r\n)+/, ''); // keepalive CRLFs
      const headerEnd = buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/\r\n(?:Content-Length|l)\s*:\s*(\d+)/i.exec(buffer.slice(0, headerEnd))?.[1] ?? 0);
      const end = headerEnd + 4 + length;
      if (buffer.length < end) return;
      inbox.push(buffer.slice(0, end));
      buffer = buffer.slice(end);
    }
  };
}

function closedPromise(socket: Socket): Promise<void> {
  return new Promise((resolve) => socket.once('close', () => resolve()));
}

async function openUdp(port: number, localAddress: string): Promise<SipLink> {
  const socket = createSocket('udp4');
  const inbox = new Inbox();
  socket.on('message', (data) => inbox.push(data.toString('latin1')));
  await new Promise<void>((done) => socket.bind(0, localAddress, done));
  const localPort = socket.address().port;
  return {
    transport: 'udp',
    localAddress,
    localPort,
    via: `${localAddress}:${localPort}`,
    send: (data) => socket.send(typeof data === 'string' ? Buffer.from(data, 'latin1') : data, port, '127.0.0.1'),
    next: (timeoutMs = 2000) => inbox.next(timeoutMs),
    received: inbox.all,
    closed: new Promise<void>(() => undefined),
    close: () => socket.close(),
  };
}

function streamLink(transport: 'tcp' | 'tls', socket: Socket, localAddress: string): SipLink {
  const inbox = new Inbox();
  socket.on('data', streamFramer(inbox));
  socket.on('error', () => undefined); // a reset by the edge shows as `closed`
  const localPort = socket.localPort ?? 0;
  return {
    transport,
    localAddress,
    localPort,
    via: `${localAddress}:${localPort}`,
    send: (data) => {
      if (!socket.destroyed) socket.write(typeof data === 'string' ? Buffer.from(data, 'latin1') : data);
    },
    next: (timeoutMs = 2000) => inbox.next(timeoutMs),
    received: inbox.all,
    closed: closedPromise(socket),
    close: () => socket.destroy(),
  };
}

/** A TCP connection from `localAddress` to the edge; rejects when it is refused (e.g. a connection limit). */
export async function openTcpSocket(port: number, localAddress: string): Promise<Socket> {
  const socket = connectTcp({ host: '127.0.0.1', port, localAddress });
  await Promise.race([
    once(socket, 'connect'),
    once(socket, 'error').then(([error]) => Promise.reject(error as Error)),
  ]);
  return socket;
}

async function openTcp(port: number, localAddress: string): Promise<SipLink> {
  return streamLink('tcp', await openTcpSocket(port, localAddress), localAddress);
}

async function openTls(port: number, localAddress: string): Promise<SipLink> {
  const tcp = await openTcpSocket(port, localAddress);
  const socket = connectTls({ socket: tcp, rejectUnauthorized: false });
  await Promise.race([
    once(socket, 'secureConnect'),
    once(socket, 'error').then(([error]) => Promise.reject(error as Error)),
  ]);
  return streamLink('tls', socket, localAddress);
}

async function openWss(port: number, localAddress: string): Promise<SipLink> {
  const ws = new WebSocket(`wss://127.0.0.1:${port}`, 'sip', { rejectUnauthorized: false, localAddress });
  const inbox = new Inbox();
  ws.on('message', (data: Buffer) => inbox.push(data.toString('latin1')));
  ws.on('error', () => undefined);
  const closed = new Promise<void>((resolve) => ws.once('close', () => resolve()));
  let localPort = 0;
  ws.once('upgrade', (response) => (localPort = response.socket.localPort ?? 0));
  await Promise.race([
    once(ws, 'open'),
    once(ws, 'error').then(([error]) => Promise.reject(error as Error)),
    closed.then(() => Promise.reject(new Error('WebSocket closed before it opened'))),
  ]);
  return {
    transport: 'wss',
    localAddress,
    localPort,
    via: `${randomBytes(4).toString('hex')}.invalid`,
    send: (data) => {
      if (ws.readyState === WebSocket.OPEN) ws.send(typeof data === 'string' ? Buffer.from(data, 'latin1') : data);
    },
    next: (timeoutMs = 2000) => inbox.next(timeoutMs),
    received: inbox.all,
    closed,
    close: () => ws.terminate(),
  };
}

/** Opens a link to the edge over `transport` from `localAddress` (any 127.0.0.0/8 address). */
export function openLink(transport: Transport, edge: EdgePorts, localAddress = '127.0.0.1'): Promise<SipLink> {
  switch (transport) {
    case 'udp':
      return openUdp(edge.port, localAddress);
    case 'tcp':
      return openTcp(edge.port, localAddress);
    case 'tls':
      return openTls(edge.tlsPort, localAddress);
    case 'wss':
      return openWss(edge.wssPort, localAddress);
  }
}

/** The Via transport token and the URI transport parameter of a link. */
export function viaTransport(transport: Transport): string {
  return transport.toUpperCase();
}
export function uriTransport(transport: Transport): string {
  return transport === 'wss' ? 'ws' : transport;
}

export const statusOf = (message: string | undefined): number =>
  Number(/^SIP\/2\.0 (\d{3})/.exec(message ?? '')?.[1] ?? 0);
export const headerOf = (message: string | undefined, name: string): string | undefined =>
  new RegExp(`\\r\\n${name}\\s*:\\s*([^\\r\\n]*)`, 'i').exec(message ?? '')?.[1];
export const token = (bytes = 6): string => randomBytes(bytes).toString('hex');
export const branch = (): string => `z9hG4bK${token()}`;

export interface RequestParts {
  readonly method: string;
  readonly uri: string;
  readonly link: Pick<SipLink, 'transport' | 'via'>;
  readonly from: string;
  readonly to: string;
  readonly callId?: string;
  readonly cseq?: number;
  readonly fromTag?: string;
  readonly toTag?: string;
  readonly headers?: readonly string[];
  readonly body?: string;
  readonly userAgent?: string;
}

/** A well-formed request (RFC 3261 §8.1.1: the six mandatory headers, Content-Length always). */
export function sipRequest(parts: RequestParts): string {
  const body = parts.body ?? '';
  return [
    `${parts.method} ${parts.uri} SIP/2.0`,
    `Via: SIP/2.0/${viaTransport(parts.link.transport)} ${parts.link.via};branch=${branch()};rport`,
    'Max-Forwards: 70',
    `From: <${parts.from}>;tag=${parts.fromTag ?? token(4)}`,
    `To: <${parts.to}>${parts.toTag ? `;tag=${parts.toTag}` : ''}`,
    `Call-ID: ${parts.callId ?? token(10)}`,
    `CSeq: ${parts.cseq ?? 1} ${parts.method}`,
    ...(parts.headers ?? []),
    `User-Agent: ${parts.userAgent ?? 'callwire-hostile-suite'}`,
    `Content-Length: ${Buffer.byteLength(body, 'latin1')}`,
    '',
    body,
  ].join('\r\n');
}

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

/** The parameters of a digest challenge (WWW-Authenticate or Proxy-Authenticate). */
export function challengeOf(response: string | undefined): Record<string, string> {
  const header = headerOf(response, 'WWW-Authenticate') ?? headerOf(response, 'Proxy-Authenticate') ?? '';
  const params: Record<string, string> = {};
  for (const match of header.matchAll(/(\w+)="?([^",]*)"?/g)) params[match[1].toLowerCase()] = match[2];
  return params;
}

/** Digest credentials (RFC 2617 / RFC 3261 §22.4) for a challenge; qop=auth with `nc` when offered. */
export function digestAuthorization(
  challenge: Record<string, string>,
  credentials: { user: string; password: string; method: string; uri: string; nc?: number },
): string {
  const { user, password, method, uri } = credentials;
  const { realm = '', nonce = '' } = challenge;
  const ha1 = md5(`${user}:${realm}:${password}`);
  const ha2 = md5(`${method}:${uri}`);
  const base = `Digest username="${user}", realm="${realm}", nonce="${nonce}", uri="${uri}", algorithm=MD5`;
  if (!/\bauth\b/.test(challenge.qop ?? '')) return `${base}, response="${md5(`${ha1}:${nonce}:${ha2}`)}"`;
  const nc = (credentials.nc ?? 1).toString(16).padStart(8, '0');
  const cnonce = token(8);
  const response = md5(`${ha1}:${nonce}:${nc}:${cnonce}:auth:${ha2}`);
  return `${base}, response="${response}", qop=auth, nc=${nc}, cnonce="${cnonce}"`;
}

export interface Account {
  readonly user: string;
  readonly domain: string;
  readonly password: string;
  /** The digest username when it differs from the user (client tokens). */
  readonly authUser?: string;
}

export interface RegisterOutcome {
  /** The edge's answer to the unauthenticated REGISTER (401 expected). */
  readonly challenge: string | undefined;
  /** The REGISTER with credentials exactly as sent (for replays). */
  readonly authenticatedRequest: string;
  /** The final answer to it (undefined: none came). */
  readonly final: string | undefined;
  readonly status: number;
}

/** REGISTER, answer the 401 with digest credentials; every message is returned for inspection. */
export async function register(
  link: SipLink,
  account: Account,
  options: { expires?: number; contactUser?: string; timeoutMs?: number } = {},
): Promise<RegisterOutcome> {
  const uri = `sip:${account.domain}`;
  const aor = `sip:${account.user}@${account.domain}`;
  const callId = token(10);
  const fromTag = token(4);
  const contact = `<sip:${options.contactUser ?? account.user}@${link.via};transport=${uriTransport(link.transport)}>`;
  const request = (cseq: number, authorization?: string) =>
    sipRequest({
      method: 'REGISTER',
      uri,
      link,
      from: aor,
      to: aor,
      callId,
      fromTag,
      cseq,
      headers: [
        `Contact: ${contact}`,
        `Expires: ${options.expires ?? 60}`,
        ...(authorization ? [`Authorization: ${authorization}`] : []),
      ],
    });
  const timeoutMs = options.timeoutMs ?? 3000;
  link.send(request(1));
  const challenge = await link.next(timeoutMs);
  if (statusOf(challenge) !== 401) {
    return { challenge, authenticatedRequest: '', final: challenge, status: statusOf(challenge) };
  }
  const authorization = digestAuthorization(challengeOf(challenge), {
    user: account.authUser ?? account.user,
    password: account.password,
    method: 'REGISTER',
    uri,
  });
  const authenticatedRequest = request(2, authorization);
  link.send(authenticatedRequest);
  let final = await link.next(timeoutMs);
  while (final !== undefined && statusOf(final) < 200) final = await link.next(timeoutMs); // 100 Trying
  return { challenge, authenticatedRequest, final, status: statusOf(final) };
}

/** Opens a link from `localAddress`, registers `account` over it and closes it: the final status. */
export async function registerOnce(
  transport: Transport,
  edge: EdgePorts,
  account: Account,
  localAddress = '127.0.0.1',
): Promise<number> {
  const link = await openLink(transport, edge, localAddress);
  try {
    return (await register(link, account)).status;
  } finally {
    link.close();
  }
}
