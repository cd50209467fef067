import { type SipLink, viaTransport } from './sip-wire';

/**
 * Torture messages written for this suite from the grammar of RFC 3261 (§7, §8.1.1, §18.3, §20, §25 ABNF) and
 * the categories of RFC 4475 (parser torture, well-formed but invalid, transaction layer, application layer
 * semantics). Deterministic for a seed: random parts (tokens, lengths, junk bytes) come from a seeded PRNG.
 *
 * Each case says which answers are acceptable: 0 = no answer (dropped), else SIP status codes. Every case
 * carries a marker (in the Call-ID or the start line) that must never appear in the edge's log.
 */
export interface TortureCase {
  readonly name: string;
  readonly category: 'well-formed but invalid' | 'valid but unusual' | 'malformed' | 'transaction';
  readonly bytes: Buffer;
  readonly allowed: readonly number[];
}

export interface TortureTarget {
  /** host:port of the edge. */
  readonly edge: string;
  /** An account's SIP domain (requests to a user there are challenged). */
  readonly domain: string;
  readonly link: Pick<SipLink, 'transport' | 'via'>;
}

/** mulberry32: a small seeded PRNG (deterministic torture). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DROPPED = 0;
/** What an unauthenticated request to a user of the domain may get: a challenge or a refusal. */
const CHALLENGED = [401, 403, 404, 407];

/** The edge's malformed-message marker for this seed: the log must never contain it. */
export function tortureMarker(seed: number): string {
  return `cwtorture${(seed >>> 0).toString(36)}`;
}

export function tortureCases(seed: number, target: TortureTarget): TortureCase[] {
  const random = seededRandom(seed);
  const pick = (alphabet: string, length: number) =>
    Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
  const hex = (length: number) => pick('0123456789abcdef', length);
  const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const marker = tortureMarker(seed);
  const { domain } = target;
  const via = (transport = viaTransport(target.link.transport), params = `;branch=z9hG4bK${hex(12)};rport`) =>
    `Via: SIP/2.0/${transport} ${target.link.via}${params}`;
  const aor = `sip:alice@${domain}`;

  /** A request as header lines; `edit` changes them before they are joined. */
  const request = (
    method: string,
    options: {
      uri?: string;
      version?: string;
      headers?: string[];
      body?: string;
      contentLength?: string;
      omit?: string[];
      callId?: string;
    } = {},
  ): string => {
    const body = options.body ?? '';
    const lines = [
      `${method} ${options.uri ?? aor} ${options.version ?? 'SIP/2.0'}`,
      via(),
      'Max-Forwards: 70',
      `From: <${aor}>;tag=${hex(8)}`,
      `To: <${aor}>`,
      `Call-ID: ${options.callId ?? `${marker}-${hex(10)}`}`,
      `CSeq: ${between(1, 9000)} ${method}`,
      ...(method === 'REGISTER' ? [`Contact: <sip:alice@${target.link.via}>`] : []),
      ...(options.headers ?? []),
      `Content-Length: ${options.contentLength ?? Buffer.byteLength(body, 'latin1')}`,
    ].filter((line) => !(options.omit ?? []).some((name) => line.startsWith(`${name}:`)));
    return `${lines.join('\r\n')}\r\n\r\n${body}`;
  };
  const replaceHeader = (message: string, name: string, value: string) =>
    message.replace(new RegExp(`\\r\\n${name}: [^\\r\\n]*`), `\r\n${name}: ${value}`);
  const cases: TortureCase[] = [];
  const add = (name: string, category: TortureCase['category'], allowed: readonly number[], text: string | Buffer) =>
    cases.push({ name, category, allowed, bytes: typeof text === 'string' ? Buffer.from(text, 'latin1') : text });

  // Controls: well-formed requests, so a spec sees that the edge answers this path at all.
  add('control: REGISTER without credentials', 'valid but unusual', [401], request('REGISTER'));
  add(
    'control: OPTIONS keepalive to the edge',
    'valid but unusual',
    [200],
    request('OPTIONS', { uri: `sip:${target.edge}` }),
  );

  // Valid but unusual (RFC 4475 §3.1.1): the parser must take them as they are.
  add(
    'folded (multi-line) header values',
    'valid but unusual',
    [401],
    request('REGISTER', { headers: ['Subject: I know you are there,\r\n     pick up the phone\r\n\tand talk to me'] }),
  );
  add(
    'compact header forms and odd whitespace',
    'valid but unusual',
    [401],
    request('REGISTER')
      .replace('\r\nCall-ID: ', '\r\ni   :   ')
      .replace('\r\nContent-Length: ', '\r\nl:')
      .replace('\r\nMax-Forwards: 70', '\r\nMax-Forwards:\t70'),
  );
  add(
    'escaped characters in URIs',
    'valid but unusual',
    CHALLENGED,
    request('REGISTER').replace(`To: <${aor}>`, `To: <sip:%61lic%65@${domain}>`),
  );
  add(
    'user part with the widest unreserved/escaped alphabet',
    'valid but unusual',
    CHALLENGED,
    request('INVITE', { uri: `sip:-_.!~*'()&=+$,;?/%2F${pick('abcdef', 4)}@${domain};lr;unknownparam` }),
  );
  add(
    'a header of several kilobytes',
    'valid but unusual',
    [401, 400, 413, 513, DROPPED],
    request('REGISTER', { headers: [`X-Filler: ${pick('abcdefghij', between(4000, 8000))}`] }),
  );
  add(
    'hundreds of headers',
    'valid but unusual',
    [401, 400, 413, 513, DROPPED],
    request('REGISTER', { headers: Array.from({ length: between(300, 500) }, (_, i) => `X-H${i}: ${hex(8)}`) }),
  );
  add(
    'non-UTF-8 bytes in a header value',
    'valid but unusual',
    [401, 400, DROPPED],
    request('REGISTER', { headers: [`Subject: \xc3\x28\xff\xfe ${hex(4)}`] }),
  );

  // Well-formed but invalid (RFC 4475 §3.1.2, §3.3): the edge answers the right error.
  add('Max-Forwards: 0', 'well-formed but invalid', [483], replaceHeader(request('INVITE'), 'Max-Forwards', '0'));
  add(
    'unknown Request-URI scheme',
    'well-formed but invalid',
    [416, 400, DROPPED],
    request('OPTIONS', { uri: `nobodyKnowsThisScheme:${marker}${hex(6)}` }),
  );
  add(
    'unsupported SIP version',
    'well-formed but invalid',
    [505, 400, DROPPED],
    request('OPTIONS', { version: 'SIP/7.0' }),
  );
  add(
    'CSeq method differs from the request method',
    'well-formed but invalid',
    [400],
    replaceHeader(request('REGISTER'), 'CSeq', `${between(1, 99)} INVITE`),
  );
  add(
    'CSeq number above 2^32-1',
    'well-formed but invalid',
    [400],
    replaceHeader(request('REGISTER'), 'CSeq', '4294967296 REGISTER'),
  );
  add(
    'CSeq number not a number',
    'well-formed but invalid',
    [400, DROPPED],
    replaceHeader(request('REGISTER'), 'CSeq', `${hex(3)}x REGISTER`),
  );
  add('Expires not a number', 'well-formed but invalid', [400], request('REGISTER', { headers: ['Expires: soon'] }));
  add(
    'no Call-ID',
    'well-formed but invalid',
    [400, DROPPED],
    request('REGISTER', { omit: ['Call-ID'], headers: [`X-Case: ${marker}`] }),
  );
  add('no From', 'well-formed but invalid', [400, DROPPED], request('REGISTER', { omit: ['From'] }));
  add('no CSeq', 'well-formed but invalid', [400, DROPPED], request('REGISTER', { omit: ['CSeq'] }));
  add('no Via (nowhere to answer)', 'well-formed but invalid', [DROPPED], request('OPTIONS', { omit: ['Via'] }));
  add('unknown method', 'well-formed but invalid', [...CHALLENGED, 405, 501], request(`NEW${pick('ABCDEFGHIJ', 5)}`));
  add(
    'unknown extension in Proxy-Require',
    'well-formed but invalid',
    [420, 407],
    request('INVITE', { headers: [`Proxy-Require: x-${pick('abcdefgh', 8)}`] }),
  );
  add(
    'duplicate Call-ID headers with different values',
    'well-formed but invalid',
    [400, 401, DROPPED],
    request('REGISTER', { headers: [`Call-ID: ${marker}-${hex(10)}`] }),
  );
  add(
    'two CSeq headers that disagree',
    'well-formed but invalid',
    [400, 401, DROPPED],
    request('REGISTER', { headers: [`CSeq: ${between(10000, 20000)} REGISTER`] }),
  );
  add(
    'multipart body whose parts do not use the declared boundary',
    'well-formed but invalid',
    [407, 400, 415],
    request('INVITE', {
      headers: [`Content-Type: multipart/mixed;boundary=${hex(8)}`],
      body: `--${hex(8)}\r\nContent-Type: application/sdp\r\n\r\nv=0\r\n--${hex(8)}--\r\n`,
    }),
  );
  add(
    'SDP body that is not SDP',
    'well-formed but invalid',
    [407, 400, 488],
    request('INVITE', { headers: ['Content-Type: application/sdp'], body: `${pick('\x01\x02abc=\r\n', 200)}` }),
  );

  // Transaction layer (RFC 4475 §3.4): nothing to match.
  add(
    'in-dialog BYE for no dialog',
    'transaction',
    [481],
    request('BYE').replace(`To: <${aor}>`, `To: <${aor}>;tag=${hex(8)}`),
  );
  add(
    'response for no transaction',
    'transaction',
    [DROPPED],
    `SIP/2.0 200 OK\r\n${via('UDP', `;branch=z9hG4bK${marker}`)}\r\nFrom: <${aor}>;tag=${hex(6)}\r\nTo: <${aor}>;tag=${hex(6)}\r\n` +
      `Call-ID: ${marker}-${hex(8)}\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n`,
  );

  // Malformed (RFC 4475 §3.1.2): dropped, or answered 400; never processed.
  add(
    'Content-Length far beyond the body',
    'malformed',
    [400, DROPPED],
    request('REGISTER', { contentLength: String(between(2000, 60000)) }),
  );
  add(
    'negative Content-Length',
    'malformed',
    [400, DROPPED],
    request('REGISTER', { contentLength: `-${between(1, 999)}` }),
  );
  add('Content-Length not a number', 'malformed', [400, DROPPED], request('REGISTER', { contentLength: `${hex(2)}z` }));
  add(
    'Via without branch',
    'malformed',
    [400, 401, DROPPED],
    replaceHeader(
      request('REGISTER'),
      'Via',
      `SIP/2.0/${viaTransport(target.link.transport)} ${target.link.via};branch=`,
    ),
  );
  add(
    // The ABNF allows any number of digits (port = 1*DIGIT): answering through rport is as fine as refusing.
    'Via port out of range',
    'valid but unusual',
    [400, 401, DROPPED],
    replaceHeader(request('REGISTER'), 'Via', `SIP/2.0/UDP 127.0.0.1:${between(65536, 99999)};branch=z9hG4bK${hex(8)}`),
  );
  add(
    'Via with a garbage sent-by',
    'malformed',
    [400, DROPPED],
    replaceHeader(request('REGISTER'), 'Via', `SIP/2.0/UDP [${hex(4)}::zz;;branch`),
  );
  add(
    'NUL in a header value',
    'malformed',
    [400, 401, DROPPED],
    request('REGISTER', { headers: [`Subject: ${hex(4)}\x00${hex(4)}`] }),
  );
  // Kamailio's strings are length-counted (a NUL truncates nothing): challenging it like any request is safe.
  add(
    'NUL in the start line',
    'malformed',
    [400, 407, DROPPED],
    request('OPTIONS', { uri: `sip:${marker}\x00@${domain}` }),
  );
  add('start line without version', 'malformed', [400, DROPPED], request('INVITE').replace(' SIP/2.0\r\n', '\r\n'));
  add(
    'start line with the parts swapped',
    'malformed',
    [400, DROPPED],
    request('INVITE').replace(/^INVITE (\S+) SIP\/2\.0/, 'SIP/2.0 $1 INVITE'),
  );
  add('method with illegal characters', 'malformed', [400, DROPPED], request('INVITE').replace(/^INVITE/, 'IN<>VITE'));
  add('lower-case SIP version', 'malformed', [400, 505, DROPPED], request('OPTIONS', { version: 'sip/2.0' }));
  add(
    'header without a colon',
    'malformed',
    [400, DROPPED],
    request('REGISTER', { headers: [`Bogus header line ${hex(6)}`] }),
  );
  add(
    'From with an unterminated URI',
    'malformed',
    [400, DROPPED],
    replaceHeader(request('REGISTER'), 'From', `<sip:alice@${domain};tag=${hex(6)}`),
  );
  add(
    'Request-URI of tens of kilobytes',
    'malformed',
    [400, 404, 407, 414, 513, DROPPED],
    request('INVITE', { uri: `sip:${pick('abcdefghij', between(20000, 40000))}@${domain}` }),
  );
  add(
    'random bytes',
    'malformed',
    [DROPPED, 400],
    Buffer.from(Array.from({ length: between(64, 512) }, () => Math.floor(random() * 256))),
  );
  add('a marker and nothing else', 'malformed', [DROPPED, 400], `${marker} ${hex(16)}\r\n\r\n`);
  return cases;
}
