import { isIP } from 'node:net';
import type {
  EdgeBlockReason,
  EdgeCallEvent,
  EdgeDtmfEvent,
  EdgeEventJob,
  EdgeRegistrationEvent,
  EdgeSecurityEvent,
} from '@callwire/queues';

const CALL_EVENTS = new Set(['initiated', 'ringing', 'answered', 'ended']);
const REGISTRATION_EVENTS = new Set(['created', 'refreshed', 'removed']);
const HANGUP_SIDES = new Set(['caller', 'callee', 'edge']);
const DIRECTIONS = new Set(['internal', 'inbound', 'outbound']);
const BLOCK_REASONS = new Set<string>(['auth-failures', 'flood', 'scanner'] satisfies EdgeBlockReason[]);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

type Fields = Record<string, unknown>;

const text = (fields: Fields, key: string): string | undefined =>
  typeof fields[key] === 'string' && fields[key] !== '' ? (fields[key] as string) : undefined;

/** Static RTP payload types (RFC 3551) an SDP may use without an rtpmap line. */
const STATIC_PAYLOAD_TYPES: Readonly<Record<string, string>> = {
  0: 'PCMU',
  3: 'GSM',
  4: 'G723',
  8: 'PCMA',
  9: 'G722',
  13: 'CN',
  18: 'G729',
};
/** The edge's "<payload type> [<encoding>/<rate>[/<channels>]]": the first format of an SDP answer. */
const SDP_FORMAT = /^(\d{1,3})(?: ([A-Za-z0-9_.-]{1,32})\/\d{1,6}(?:\/\d{1,2})?)?$/;

/** The encoding name of the edge's "<payload type> <rtpmap>" (e.g. `"0"` → PCMU, `"111 opus/48000/2"` → opus). */
export function codecName(format: string | undefined): string | undefined {
  const match = format === undefined ? null : SDP_FORMAT.exec(format);
  if (!match) return undefined;
  return match[2] ?? STATIC_PAYLOAD_TYPES[match[1]];
}

/** `"1795258791.291526"` (Kamailio's $TV(Sn)) → milliseconds. */
function timestampOf(fields: Fields, key = 'ts'): number | undefined {
  const seconds = Number(text(fields, key));
  return Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds * 1000) : undefined;
}

function callEvent(fields: Fields, at: number): EdgeCallEvent | null {
  const event = text(fields, 'event');
  const sipCallId = text(fields, 'sipCallId');
  const sipDomain = text(fields, 'sipDomain');
  const accountId = text(fields, 'accountId');
  const account = accountId && UUID.test(accountId) ? accountId : undefined;
  // The account by its domain (the edge's events) or by its id (ends the platform reports itself).
  if (!event || !CALL_EVENTS.has(event) || !sipCallId || !(sipDomain || account)) return null;
  const sipStatus = typeof fields.sipStatus === 'number' ? fields.sipStatus : undefined;
  const hangupBy = text(fields, 'hangupBy');
  const direction = text(fields, 'direction');
  const applicationId = text(fields, 'applicationId');
  if (event === 'initiated' && !(text(fields, 'from') && text(fields, 'to'))) return null;
  return {
    kind: 'call',
    event: event as EdgeCallEvent['event'],
    sipCallId,
    sipDomain,
    accountId: account,
    direction: direction && DIRECTIONS.has(direction) ? (direction as EdgeCallEvent['direction']) : undefined,
    applicationId: applicationId && UUID.test(applicationId) ? applicationId : undefined,
    at,
    from: text(fields, 'from'),
    to: text(fields, 'to'),
    transport: text(fields, 'transport'),
    sipStatus,
    reason: text(fields, 'reason'),
    hangupBy: hangupBy && HANGUP_SIDES.has(hangupBy) ? (hangupBy as EdgeCallEvent['hangupBy']) : undefined,
    callerCodec: codecName(text(fields, 'callerCodec')),
    calleeCodec: codecName(text(fields, 'calleeCodec')),
  };
}

function registrationEvent(fields: Fields, at: number): EdgeRegistrationEvent | null {
  const event = text(fields, 'event');
  const aor = text(fields, 'aor');
  const sipDomain = text(fields, 'sipDomain');
  if (!event || !REGISTRATION_EVENTS.has(event) || !aor || !sipDomain) return null;
  return {
    kind: 'registration',
    event: event as EdgeRegistrationEvent['event'],
    aor,
    sipDomain,
    contact: text(fields, 'contact') ?? '',
    transport: text(fields, 'transport') ?? '',
    at,
    reason: text(fields, 'reason'),
  };
}

/** `{"kind":"security","event":"blocked","ip","reason","until"}`: the edge put a source in its ipban table. */
function securityEvent(fields: Fields, at: number): EdgeSecurityEvent | null {
  const ip = text(fields, 'ip');
  const reason = text(fields, 'reason');
  const until = timestampOf(fields, 'until');
  if (text(fields, 'event') !== 'blocked' || !ip || isIP(ip) === 0) return null;
  if (!reason || !BLOCK_REASONS.has(reason) || until === undefined) return null;
  return { kind: 'security', event: 'blocked', ip, reason: reason as EdgeBlockReason, until, at };
}

/** `{"kind":"dtmf","sipCallId","sipDomain","accountId"?,"digit","source","method"}`: a digit sent in a call. */
function dtmfEvent(fields: Fields, at: number): EdgeDtmfEvent | null {
  const sipCallId = text(fields, 'sipCallId');
  const sipDomain = text(fields, 'sipDomain');
  const digit = text(fields, 'digit');
  const source = text(fields, 'source');
  const method = text(fields, 'method');
  const accountId = text(fields, 'accountId');
  if (!sipCallId || !sipDomain || !digit || !/^[0-9*#A-D]$/.test(digit)) return null;
  if ((source !== 'caller' && source !== 'callee') || (method !== 'info' && method !== 'rfc4733')) return null;
  return {
    kind: 'dtmf',
    sipCallId,
    sipDomain,
    accountId: accountId && UUID.test(accountId) ? accountId : undefined,
    digit,
    source,
    method,
    at,
  };
}

/**
 * The edge's JSON (one Redis stream entry, field `e`) → a typed job, or null when it is not one: the
 * stream is the boundary between Kamailio's script and TypeScript, so nothing is taken on trust.
 */
export function parseEdgeEvent(json: string): EdgeEventJob | null {
  let fields: unknown;
  try {
    fields = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof fields !== 'object' || fields === null) return null;
  const record = fields as Fields;
  const at = timestampOf(record);
  if (at === undefined) return null;
  if (record.kind === 'call') return callEvent(record, at);
  if (record.kind === 'registration') return registrationEvent(record, at);
  if (record.kind === 'security') return securityEvent(record, at);
  if (record.kind === 'dtmf') return dtmfEvent(record, at);
  return null;
}
