/**
 * What an application's voiceUrl answers (docs/ROUTING.md documents it for customers):
 *   {"action":"dial","targets":[{"type":"sip-user","target":"alice"}],"timeoutSeconds":30,"callerId":"+1555…"}
 *   {"action":"reject","status":486}
 *   {"action":"forward","uri":"sip:desk@pbx.example.com"}
 * Anything else is invalid: the platform tries the fallbackUrl, then refuses the call.
 */
export type DialTargetType = 'sip-user' | 'client' | 'sip-uri';

export interface ApplicationDialTarget {
  readonly type: DialTargetType;
  readonly target: string;
}

export type ApplicationAnswer =
  | {
      readonly action: 'dial';
      readonly targets: readonly ApplicationDialTarget[];
      readonly timeoutSeconds: number;
      readonly callerId?: string;
    }
  | { readonly action: 'reject'; readonly status: number; readonly reason?: string }
  | { readonly action: 'forward'; readonly uri: string };

export const MAX_DIAL_TARGETS = 10;
const DEFAULT_TIMEOUT_SECONDS = 30;
const MAX_TIMEOUT_SECONDS = 300;
const TARGET_TYPES: readonly DialTargetType[] = ['sip-user', 'client', 'sip-uri'];
export const SIP_URI = /^sips?:[^\s<>"]+$/;
const CALLER_ID = /^\+?[0-9A-Za-z._-]{1,32}$/;
const REASON = /^[\x20-\x7e]{1,64}$/;

export class InvalidApplicationAnswer extends Error {}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function dialTarget(value: unknown): ApplicationDialTarget {
  if (!isRecord(value) || typeof value.type !== 'string' || typeof value.target !== 'string') {
    throw new InvalidApplicationAnswer('each dial target is {"type", "target"}');
  }
  const type = TARGET_TYPES.find((candidate) => candidate === value.type);
  if (!type) throw new InvalidApplicationAnswer(`dial target type must be one of ${TARGET_TYPES.join(', ')}`);
  if (type === 'sip-uri' ? !SIP_URI.test(value.target) : !/^[A-Za-z0-9._-]{1,64}$/.test(value.target)) {
    throw new InvalidApplicationAnswer(`invalid ${type} target "${value.target.slice(0, 80)}"`);
  }
  return { type, target: value.target };
}

function dial(answer: Record<string, unknown>): ApplicationAnswer {
  const { targets, timeoutSeconds = DEFAULT_TIMEOUT_SECONDS, callerId } = answer;
  if (!Array.isArray(targets) || targets.length === 0 || targets.length > MAX_DIAL_TARGETS) {
    throw new InvalidApplicationAnswer(`dial needs 1 to ${MAX_DIAL_TARGETS} targets`);
  }
  if (!Number.isInteger(timeoutSeconds) || Number(timeoutSeconds) < 1 || Number(timeoutSeconds) > MAX_TIMEOUT_SECONDS) {
    throw new InvalidApplicationAnswer(`timeoutSeconds must be an integer from 1 to ${MAX_TIMEOUT_SECONDS}`);
  }
  if (callerId !== undefined && (typeof callerId !== 'string' || !CALLER_ID.test(callerId))) {
    throw new InvalidApplicationAnswer('callerId must be a number or SIP user part');
  }
  return {
    action: 'dial',
    targets: targets.map(dialTarget),
    timeoutSeconds: Number(timeoutSeconds),
    ...(callerId === undefined ? {} : { callerId }),
  };
}

function rejectAnswer(answer: Record<string, unknown>): ApplicationAnswer {
  const { status, reason } = answer;
  if (!Number.isInteger(status) || Number(status) < 400 || Number(status) > 699) {
    throw new InvalidApplicationAnswer('reject status must be a SIP final failure status (400-699)');
  }
  if (reason !== undefined && (typeof reason !== 'string' || !REASON.test(reason))) {
    throw new InvalidApplicationAnswer('reject reason must be printable ASCII, at most 64 characters');
  }
  return { action: 'reject', status: Number(status), ...(reason === undefined ? {} : { reason }) };
}

function forward(answer: Record<string, unknown>): ApplicationAnswer {
  if (typeof answer.uri !== 'string' || !SIP_URI.test(answer.uri)) {
    throw new InvalidApplicationAnswer('forward needs a sip: or sips: uri');
  }
  return { action: 'forward', uri: answer.uri };
}

/** Validates an application's answer body (already parsed JSON). */
export function parseApplicationAnswer(body: unknown): ApplicationAnswer {
  if (!isRecord(body)) throw new InvalidApplicationAnswer('the answer must be a JSON object');
  switch (body.action) {
    case 'dial':
      return dial(body);
    case 'reject':
      return rejectAnswer(body);
    case 'forward':
      return forward(body);
    default:
      throw new InvalidApplicationAnswer('action must be dial, reject or forward');
  }
}
