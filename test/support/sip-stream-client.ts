import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { connect } from 'node:tls';
import type { IncomingMessage } from 'node:http';
import WebSocket from 'ws';

/**
 * A minimal SIP user agent for the transports SIPp lacks (TLS, secure WebSocket): enough to REGISTER with
 * digest authentication the way phones and browsers do. The edge's certificate is self-signed here.
 */
export interface SipLink {
  readonly transport: 'tls' | 'wss';
  /** Host and port the edge sees this client at (for WSS, the .invalid host browsers put in Via). */
  readonly via: string;
  readonly localPort: number;
  send(message: string): void;
  nextMessage(): Promise<string>;
  close(): void;
}

class MessageQueue {
  private readonly messages: string[] = [];
  private readonly waiters: ((message: string) => void)[] = [];

  push(message: string): void {
    const waiter = this.waiters.shift();
    if (waiter) waiter(message);
    else this.messages.push(message);
  }

  next(timeoutMs = 5000): Promise<string> {
    const queued = this.messages.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no SIP message within timeout')), timeoutMs);
      this.waiters.push((message) => {
        clearTimeout(timer);
        resolve(message);
      });
    });
  }
}

export async function openTls(port: number): Promise<SipLink> {
  const socket = connect({ host: '127.0.0.1', port, rejectUnauthorized: false });
  await once(socket, 'secureConnect');
  const queue = new MessageQueue();
  let buffer = '';
  socket.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    for (;;) {
      const headerEnd = buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/\r\nContent-Length:\s*(\d+)/i.exec(buffer.slice(0, headerEnd))?.[1] ?? 0);
      const end = headerEnd + 4 + length;
      if (buffer.length < end) return;
      queue.push(buffer.slice(0, end));
      buffer = buffer.slice(end);
    }
  });
  const localPort = socket.localPort ?? 0;
  return {
    transport: 'tls',
    via: `127.0.0.1:${localPort}`,
    localPort,
    send: (message) => socket.write(message),
    nextMessage: () => queue.next(),
    close: () => socket.destroy(),
  };
}

export async function openWss(port: number): Promise<SipLink> {
  const ws = new WebSocket(`wss://127.0.0.1:${port}`, 'sip', { rejectUnauthorized: false });
  const [[upgrade]] = (await Promise.all([once(ws, 'upgrade'), once(ws, 'open')])) as [[IncomingMessage], unknown[]];
  const queue = new MessageQueue();
  ws.on('message', (data: Buffer) => queue.push(data.toString('utf8')));
  const host = `${randomBytes(4).toString('hex')}.invalid`;
  return {
    transport: 'wss',
    via: host,
    localPort: upgrade.socket.localPort ?? 0,
    send: (message) => ws.send(message),
    nextMessage: () => queue.next(),
    close: () => ws.close(),
  };
}

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

/** `Authorization` for a 401 challenge (RFC 2617, qop=auth when offered). */
function digestAuthorization(challenge: string, user: string, password: string, uri: string): string {
  const param = (name: string) => new RegExp(`${name}="([^"]*)"`, 'i').exec(challenge)?.[1] ?? '';
  const realm = param('realm');
  const nonce = param('nonce');
  const ha1 = md5(`${user}:${realm}:${password}`);
  const ha2 = md5(`REGISTER:${uri}`);
  if (!/qop="?[^",]*auth/i.test(challenge)) {
    return `Digest username="${user}", realm="${realm}", nonce="${nonce}", uri="${uri}", response="${md5(`${ha1}:${nonce}:${ha2}`)}", algorithm=MD5`;
  }
  const cnonce = randomBytes(8).toString('hex');
  const response = md5(`${ha1}:${nonce}:00000001:${cnonce}:auth:${ha2}`);
  return `Digest username="${user}", realm="${realm}", nonce="${nonce}", uri="${uri}", response="${response}", algorithm=MD5, qop=auth, nc=00000001, cnonce="${cnonce}"`;
}

const statusOf = (message: string) => Number(/^SIP\/2\.0 (\d{3})/.exec(message)?.[1] ?? 0);

/** REGISTER, answer the 401 with digest; resolves with the final status code. */
export async function registerOverLink(
  link: SipLink,
  account: { user: string; domain: string; password: string; expires?: number; authUser?: string },
): Promise<{ status: number; contact: string }> {
  const { user, domain, password } = account;
  const uri = `sip:${domain}`;
  const callId = randomBytes(8).toString('hex');
  const tag = randomBytes(4).toString('hex');
  const contact = `sip:${user}@${link.via};transport=${link.transport === 'wss' ? 'ws' : 'tls'}`;
  const request = (cseq: number, authorization?: string) =>
    [
      `REGISTER ${uri} SIP/2.0`,
      `Via: SIP/2.0/${link.transport.toUpperCase()} ${link.via};branch=z9hG4bK${randomBytes(6).toString('hex')};rport`,
      'Max-Forwards: 70',
      `From: <sip:${user}@${domain}>;tag=${tag}`,
      `To: <sip:${user}@${domain}>`,
      `Call-ID: ${callId}`,
      `CSeq: ${cseq} REGISTER`,
      `Contact: <${contact}>`,
      `Expires: ${account.expires ?? 600}`,
      ...(authorization ? [`Authorization: ${authorization}`] : []),
      `User-Agent: callwire-test-${link.transport}`,
      'Content-Length: 0',
      '',
      '',
    ].join('\r\n');

  link.send(request(1));
  const challenge = await link.nextMessage();
  if (statusOf(challenge) !== 401) return { status: statusOf(challenge), contact };
  const header = /\r\nWWW-Authenticate:\s*([^\r\n]+)/i.exec(challenge)?.[1] ?? '';
  link.send(request(2, digestAuthorization(header, account.authUser ?? user, password, uri)));
  return { status: statusOf(await link.nextMessage()), contact };
}
