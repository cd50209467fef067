import type { SipTransactionIds } from './options-request';

export interface SipStatusLine {
  readonly status: number;
  /** The reason phrase, possibly empty. */
  readonly reason: string;
}

export interface SipResponse extends SipStatusLine {
  /** Header values by lower-case full name (compact forms expanded), in message order. */
  readonly headers: ReadonlyMap<string, readonly string[]>;
}

/** RFC 3261 §7.3.3 compact header names, for the headers a response is matched by. */
const COMPACT_NAMES: Readonly<Record<string, string>> = {
  i: 'call-id',
  v: 'via',
  l: 'content-length',
  f: 'from',
  t: 'to',
  m: 'contact',
};

const STATUS_LINE = /^SIP\/2\.0[ \t]+([1-6]\d\d)(?:[ \t]+(.*))?$/i;

/** `SIP/2.0 404 Not Found` → 404, "Not Found"; undefined for a request line or anything else. */
export function parseStatusLine(line: string): SipStatusLine | undefined {
  const match = STATUS_LINE.exec(line.trim());
  if (!match?.[1]) return undefined;
  return { status: Number(match[1]), reason: (match[2] ?? '').trim() };
}

/**
 * Headers by lower-case full name (compact forms expanded), in message order, from the lines after the start
 * line. Folded header lines are unfolded.
 */
export function parseHeaderLines(lines: readonly string[]): Map<string, string[]> {
  const headers = new Map<string, string[]>();
  let last: { values: string[]; index: number } | undefined;
  for (const line of lines) {
    if (/^[ \t]/.test(line) && last) {
      last.values[last.index] += ` ${line.trim()}`; // folded continuation of the previous header
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const raw = line.slice(0, colon).trim().toLowerCase();
    const name = COMPACT_NAMES[raw] ?? raw;
    const values = headers.get(name) ?? [];
    values.push(line.slice(colon + 1).trim());
    headers.set(name, values);
    last = { values, index: values.length - 1 };
  }
  return headers;
}

/** The start line and header lines of a message (its body, if any, left out); bare LF line ends are accepted. */
export function headLines(text: string): string[] {
  const head = text.split(/\r?\n\r?\n/, 1)[0] ?? '';
  return head.replace(/^(?:\r?\n)+/, '').split(/\r?\n/);
}

/** A response from its start line and headers. Undefined when the text is not a SIP response. */
export function parseSipResponse(text: string): SipResponse | undefined {
  const lines = headLines(text);
  const statusLine = parseStatusLine(lines[0] ?? '');
  if (!statusLine) return undefined;
  return { ...statusLine, headers: parseHeaderLines(lines.slice(1)) };
}

/** `404 Not Found` (or `404` alone when the response has no reason phrase). */
export function describeResponse(response: SipStatusLine): string {
  return `${response.status} ${response.reason}`.trim();
}

/** The branch parameter of the topmost Via (the first value of the first Via header). */
export function topViaBranch(response: SipResponse): string | undefined {
  const topVia = response.headers.get('via')?.[0]?.split(',', 1)[0] ?? '';
  return /;\s*branch\s*=\s*([^;,\s]+)/i.exec(topVia)?.[1];
}

/** True when the response belongs to the request's transaction: same Call-ID, CSeq (number and method), branch. */
export function matchesRequest(response: SipResponse, request: SipTransactionIds, method = 'OPTIONS'): boolean {
  const callId = response.headers.get('call-id')?.[0];
  const cseq = /^(\d+)\s+(\S+)$/.exec(response.headers.get('cseq')?.[0] ?? '');
  return (
    callId === request.callId &&
    Number(cseq?.[1]) === request.cseq &&
    cseq?.[2]?.toUpperCase() === method &&
    topViaBranch(response) === request.branch
  );
}

const HEADER_END = Buffer.from('\r\n\r\n');

/**
 * Splits a SIP byte stream (TCP, TLS) into messages, framed by Content-Length (RFC 3261 §18.3). Leading
 * CRLFs (keep-alives) are skipped. push() returns each complete message's start line and headers.
 */
export class SipStreamFramer {
  private buffer = Buffer.alloc(0);

  push(chunk: Buffer): string[] {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    const heads: string[] = [];
    for (;;) {
      let start = 0;
      while (this.buffer[start] === 0x0d || this.buffer[start] === 0x0a) start++;
      const end = this.buffer.indexOf(HEADER_END, start);
      if (end < 0) {
        this.buffer = this.buffer.subarray(start);
        return heads;
      }
      const head = this.buffer.subarray(start, end).toString('utf8');
      const length = Number(/^(?:content-length|l)[ \t]*:[ \t]*(\d+)/im.exec(head)?.[1] ?? 0);
      const messageEnd = end + HEADER_END.length + length;
      if (this.buffer.length < messageEnd) {
        this.buffer = this.buffer.subarray(start);
        return heads;
      }
      heads.push(head);
      this.buffer = this.buffer.subarray(messageEnd);
    }
  }
}
