import { headLines, parseHeaderLines, parseStatusLine } from './response';

/** What a call ladder shows of one message: who it belongs to and what it is. */
export interface SipMessageSummary {
  readonly callId: string;
  /** `1 INVITE` */
  readonly cseq: string;
  /** The CSeq method: for a response, the method of the request it answers. */
  readonly cseqMethod: string;
  /** Requests: the method. */
  readonly method: string | null;
  /** Responses: the status code and reason phrase. */
  readonly statusCode: number | null;
  readonly reasonPhrase: string | null;
  /** The top Via's transport (the hop this message travelled on), lower-case: udp, tcp, tls, ws, wss, sctp. */
  readonly transport: string;
}

const REQUEST_LINE = /^([A-Za-z]+)[ \t]+\S+[ \t]+SIP\/2\.0$/i;
const CSEQ = /^(\d+)[ \t]+([A-Za-z]+)$/;
const VIA_TRANSPORT = /^SIP[ \t]*\/[ \t]*2\.0[ \t]*\/[ \t]*([A-Za-z]+)/i;

/** Undefined for anything that is not a SIP request or response with a Call-ID and a CSeq. */
export function summarizeSipMessage(text: string): SipMessageSummary | undefined {
  const lines = headLines(text);
  const startLine = (lines[0] ?? '').trim();
  const status = parseStatusLine(startLine);
  const method = status ? null : (REQUEST_LINE.exec(startLine)?.[1]?.toUpperCase() ?? null);
  if (!status && !method) return undefined;
  const headers = parseHeaderLines(lines.slice(1));
  const callId = headers.get('call-id')?.[0];
  const cseq = CSEQ.exec(headers.get('cseq')?.[0] ?? '');
  if (!callId || !cseq?.[1] || !cseq[2]) return undefined;
  const cseqMethod = cseq[2].toUpperCase();
  return {
    callId,
    cseq: `${cseq[1]} ${cseqMethod}`,
    cseqMethod,
    method,
    statusCode: status?.status ?? null,
    reasonPhrase: status ? status.reason : null,
    transport: (VIA_TRANSPORT.exec(headers.get('via')?.[0] ?? '')?.[1] ?? 'udp').toLowerCase(),
  };
}
