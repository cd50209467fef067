import { randomBytes } from 'node:crypto';

export type SipTransport = 'udp' | 'tcp' | 'tls';

/** A SIP peer as configured: a host name or an IP address. */
export interface SipTarget {
  readonly host: string;
  readonly port: number;
  readonly transport: SipTransport;
}

/** The address and port this side sends from (Via sent-by, Contact). */
export interface SipLocalAddress {
  readonly address: string;
  readonly port: number;
}

/** What identifies an OPTIONS transaction (RFC 3261 §17.1.3): its responses must carry the same values. */
export interface SipTransactionIds {
  readonly callId: string;
  readonly cseq: number;
  /** The top Via's branch, with the RFC 3261 magic cookie. */
  readonly branch: string;
}

export interface OptionsRequest extends SipTransactionIds {
  /** The whole message, ready for the wire. */
  readonly text: string;
}

export interface OptionsRequestParams {
  readonly target: SipTarget;
  readonly local: SipLocalAddress;
  /** Random when absent (tests pass fixed ones). */
  readonly callId?: string;
  readonly branch?: string;
  readonly fromTag?: string;
  readonly cseq?: number;
}

/** Branches of RFC 3261 transactions start with this magic cookie. */
export const BRANCH_MAGIC_COOKIE = 'z9hG4bK';
export const USER_AGENT = 'Callwire';

/** An IPv6 literal goes in brackets in URIs and Via; names and IPv4 addresses stay as they are. */
export function sipHost(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

/** `sip:host:port`, with `;transport=` for TCP and TLS (UDP is the default). */
export function sipUri(target: SipTarget): string {
  const uri = `sip:${sipHost(target.host)}:${target.port}`;
  return target.transport === 'udp' ? uri : `${uri};transport=${target.transport}`;
}

/** An RFC 3261 OPTIONS request out of dialog, as health checks send it (Max-Forwards 70, no body). */
export function buildOptionsRequest(params: OptionsRequestParams): OptionsRequest {
  const { target, local } = params;
  const callId = params.callId ?? randomBytes(12).toString('hex');
  const branch = params.branch ?? `${BRANCH_MAGIC_COOKIE}${randomBytes(10).toString('hex')}`;
  const fromTag = params.fromTag ?? randomBytes(6).toString('hex');
  const cseq = params.cseq ?? 1;
  const localHost = sipHost(local.address);
  const uri = sipUri(target);
  const contactTransport = target.transport === 'udp' ? '' : `;transport=${target.transport}`;
  const text = [
    `OPTIONS ${uri} SIP/2.0`,
    `Via: SIP/2.0/${target.transport.toUpperCase()} ${localHost}:${local.port};branch=${branch};rport`,
    'Max-Forwards: 70',
    `From: <sip:callwire@${localHost}>;tag=${fromTag}`,
    `To: <${uri}>`,
    `Call-ID: ${callId}`,
    `CSeq: ${cseq} OPTIONS`,
    `Contact: <sip:callwire@${localHost}:${local.port}${contactTransport}>`,
    'Accept: application/sdp',
    `User-Agent: ${USER_AGENT}`,
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n');
  return { text, callId, cseq, branch };
}
