import { type Socket as UdpSocket, createSocket } from 'node:dgram';
import { lookup } from 'node:dns/promises';
import { type Socket, connect as connectTcp, isIP } from 'node:net';
import { connect as connectTls } from 'node:tls';
import { type OptionsRequest, type SipTarget, buildOptionsRequest } from './options-request';
import { SipStreamFramer, type SipResponse, describeResponse, matchesRequest, parseSipResponse } from './response';

/** RFC 3261 T1: the first retransmission of a request over UDP. */
export const T1_MS = 500;

export type GatewayStatus = 'up' | 'down';

export interface ProbeResult {
  readonly status: GatewayStatus;
  /** `200 OK`, `404 Not Found` … when up; `timeout`, `ECONNREFUSED` … when down. */
  readonly response: string;
}

/** One OPTIONS exchange in progress: what its transport reports, and what ends it. */
interface Exchange {
  /** A response of the request's transaction. */
  response(response: SipResponse): void;
  /** A network error: the gateway is down. */
  fail(error: unknown): void;
  /** Runs when the probe ends (answered, failed or timed out): closes the socket. At once if it has ended. */
  onEnd(cleanup: () => void): void;
  /** True once the probe has its result. */
  over(): boolean;
}

export interface RemoteAddress {
  readonly address: string;
  readonly family: number;
}

/** Where a gateway's host name points: the address the probe sends to (it resolves nothing else). */
export type HostResolver = (host: string) => Promise<RemoteAddress>;

/**
 * Sends an OPTIONS to a gateway and tells whether it is alive. Any final response counts as up: a 403 or 404
 * comes from a SIP stack that works. A provisional response (1xx) counts only if no final one follows before
 * the timeout. Down: no response within `timeoutMs` (DNS, connection and TLS handshake included) or a network
 * error. UDP retransmits once after T1; TLS does not verify the certificate (reachability only). Never rejects.
 * `lookupHost` (the system resolver by default) may refuse a host: the probe is then down with its error.
 */
export function probeGateway(
  target: SipTarget,
  timeoutMs: number,
  lookupHost: HostResolver = resolveHost,
): Promise<ProbeResult> {
  return new Promise((resolve) => {
    const cleanups: (() => void)[] = [];
    let provisional: string | undefined;
    let ended = false;
    const end = (result: ProbeResult): void => {
      if (ended) return;
      ended = true;
      clearTimeout(timer);
      resolve(result);
      for (const cleanup of cleanups) {
        try {
          cleanup();
        } catch {
          // a socket that is closed already
        }
      }
    };
    const timer = setTimeout(
      () => end(provisional ? { status: 'up', response: provisional } : { status: 'down', response: 'timeout' }),
      timeoutMs,
    );
    const exchange: Exchange = {
      response: (response) => {
        if (response.status < 200) provisional = describeResponse(response);
        else end({ status: 'up', response: describeResponse(response) });
      },
      fail: (error) => end({ status: 'down', response: errorName(error) }),
      onEnd: (cleanup) => (ended ? cleanup() : cleanups.push(cleanup)),
      over: () => ended,
    };
    lookupHost(target.host)
      .then((remote) => {
        if (ended) return;
        if (target.transport === 'udp') return sendOverUdp(target, remote, exchange);
        sendOverStream(target, remote, exchange);
      })
      .catch(exchange.fail);
  });
}

/** An IP address as it is; a name through the system resolver (node:dns lookup, like the rest of Node). */
async function resolveHost(host: string): Promise<RemoteAddress> {
  const bare = host.replace(/^\[(.*)\]$/, '$1');
  const family = isIP(bare);
  if (family !== 0) return { address: bare, family };
  return lookup(bare);
}

/** `ECONNREFUSED`, `ENOTFOUND` …: the error's code when it has one, else its message. */
function errorName(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code) return code;
  return (error instanceof Error ? error.message : String(error)).slice(0, 200) || 'error';
}

function parseMatching(text: string, request: OptionsRequest): SipResponse | undefined {
  const response = parseSipResponse(text);
  return response && matchesRequest(response, request) ? response : undefined;
}

/**
 * UDP: a socket bound to the local address that routes to the gateway (so Via names the address the packets
 * come from), not connected: the answer may come from another address of the gateway, and an ICMP
 * "unreachable" is not seen (no listener = timeout, as for a SIP stack).
 */
async function sendOverUdp(target: SipTarget, remote: RemoteAddress, exchange: Exchange): Promise<void> {
  const type = remote.family === 6 ? 'udp6' : 'udp4';
  const localAddress = await localAddressToward(type, remote.address, target.port);
  if (exchange.over()) return;
  const socket = createSocket(type);
  exchange.onEnd(() => socket.close());
  socket.on('error', (error) => exchange.fail(error));
  await new Promise<void>((bound) => socket.bind(0, localAddress, bound));
  if (exchange.over()) return;
  const request = buildOptionsRequest({ target, local: { address: localAddress, port: socket.address().port } });
  let answered = false;
  socket.on('message', (data) => {
    const response = parseMatching(data.toString('utf8'), request);
    if (!response) return;
    answered = true;
    exchange.response(response);
  });
  const send = () => socket.send(request.text, target.port, remote.address);
  // One retransmission; the probe's timeout (which clears this timer) is the transaction's end.
  const retransmit = setTimeout(() => answered || send(), T1_MS);
  exchange.onEnd(() => clearTimeout(retransmit));
  send();
}

/** The source address the system picks for packets to `address` (a connected UDP socket sends nothing). */
async function localAddressToward(type: 'udp4' | 'udp6', address: string, port: number): Promise<string> {
  const socket: UdpSocket = createSocket(type);
  try {
    await new Promise<void>((connected, failed) => {
      socket.once('error', failed);
      socket.connect(port, address, () => connected());
    });
    return socket.address().address;
  } finally {
    socket.close();
  }
}

/** TCP or TLS: one connection per probe, the response framed by Content-Length on it. */
function sendOverStream(target: SipTarget, remote: RemoteAddress, exchange: Exchange): void {
  const socket: Socket =
    target.transport === 'tls'
      ? connectTls({
          host: remote.address,
          port: target.port,
          // SNI takes names only; the certificate is not checked: this asks "does it answer", not "is it trusted".
          servername: isIP(target.host) === 0 ? target.host : undefined,
          rejectUnauthorized: false,
        })
      : connectTcp({ host: remote.address, port: target.port });
  exchange.onEnd(() => socket.destroy());
  socket.on('error', (error) => exchange.fail(error));
  socket.on('close', () => exchange.fail(new Error('connection closed')));
  socket.once(target.transport === 'tls' ? 'secureConnect' : 'connect', () => {
    const local = { address: socket.localAddress ?? remote.address, port: socket.localPort ?? 0 };
    const request = buildOptionsRequest({ target, local });
    const framer = new SipStreamFramer();
    socket.on('data', (chunk: Buffer) => {
      for (const head of framer.push(chunk)) {
        const response = parseMatching(head, request);
        if (response) exchange.response(response);
      }
    });
    socket.write(request.text);
  });
}
