import type { JSONSchemaType } from 'ajv';
import type { DtmfMode, SrtpPolicy } from '@callwire/database';
import type { CallDirection } from '@callwire/queues';

/**
 * The JSON the SIP edge POSTs for a call it cannot route alone (route[ROUTE_DECISION] in
 * infra/kamailio/kamailio.cfg builds it): a call from a carrier, or an account's call to a number outside.
 */
export interface EdgeRouteRequest {
  /** inbound: the INVITE came to the edge's own address (a carrier); outbound: an authenticated endpoint dialled a number. */
  readonly kind: 'inbound' | 'outbound';
  readonly sipCallId: string;
  readonly sourceIp: string;
  readonly sourcePort: number;
  readonly transport: string;
  /** Request-URI user: the dialled number, or the carrier id of a registration contact. */
  readonly requestUser: string;
  readonly toUser: string;
  readonly fromUser: string;
  /** outbound: the caller's account (From domain, authenticated). */
  readonly fromDomain: string;
  /** inbound: the digest username the carrier authenticated with (the edge checked the password). */
  readonly carrierUsername?: string | null;
}

const text = (maxLength: number) => ({ type: 'string', maxLength }) as const;

/**
 * EdgeRouteRequest as JSON Schema, checked against the interface by the compiler (JSONSchemaType): the
 * routing endpoint validates every call's request with it, compiled once (edge-route-request.pipe.ts).
 * Unknown fields are refused; nothing is converted (the edge sends sourcePort as a JSON integer).
 */
export const EDGE_ROUTE_REQUEST_SCHEMA: JSONSchemaType<EdgeRouteRequest> = {
  type: 'object',
  additionalProperties: false,
  required: [
    'kind',
    'sipCallId',
    'sourceIp',
    'sourcePort',
    'transport',
    'requestUser',
    'toUser',
    'fromUser',
    'fromDomain',
  ],
  properties: {
    kind: { type: 'string', enum: ['inbound', 'outbound'] },
    sipCallId: text(255),
    sourceIp: text(64),
    sourcePort: { type: 'integer', minimum: 0, maximum: 65535 },
    transport: text(8),
    requestUser: text(128),
    toUser: text(128),
    fromUser: text(128),
    fromDomain: text(128),
    carrierUsername: { ...text(64), nullable: true },
  },
};

/** Refuse the call with this SIP status; `reason` is the reason phrase and the Reason header's text. */
export interface RejectDecision {
  readonly action: 'reject';
  readonly status: number;
  readonly reason: string;
  /** Set when the account is known: the refused call is recorded. */
  readonly accountId?: string;
  readonly direction?: CallDirection;
  /** The application that refused it (its status callback hears of the call). */
  readonly applicationId?: string;
}

/** Challenge the carrier for digest credentials in the carrier realm. */
export interface ChallengeDecision {
  readonly action: 'challenge';
  readonly realm: string;
}

/** One place to ring. `aor`: an address of record, rung at all its registered contacts; `uri`: as is. */
export interface DialTarget {
  readonly kind: 'aor' | 'uri';
  readonly uri: string;
  /** Digest credentials toward a carrier gateway that challenges. */
  readonly authUsername?: string;
  readonly authPassword?: string;
  /** A gateway's carrier SRTP policy (route[CALLEE_SRTP] in kamailio.cfg); absent: off. */
  readonly srtp?: SrtpPolicy;
  /** A gateway's carrier DTMF mode (route[CALLEE_DTMF] in kamailio.cfg); absent: rfc4733. */
  readonly dtmf?: DtmfMode;
}

/** Ring the targets: all at once (parallel) or one after the other on failure (serial, gateways). */
export interface DialDecision {
  readonly action: 'dial';
  readonly accountId: string;
  readonly direction: CallDirection;
  readonly mode: 'parallel' | 'serial';
  readonly targets: readonly DialTarget[];
  /** How long the call may ring before it ends unanswered. */
  readonly timeoutMs: number;
  /** The caller as the callee sees it (From URI), when it changes (caller ID toward a carrier). */
  readonly fromUri?: string;
  /** The application that decided the route (its status callback hears of the call). */
  readonly applicationId?: string;
  /** The calling carrier's DTMF mode (route[CALLER_DTMF] in kamailio.cfg); absent: rfc4733. */
  readonly callerDtmf?: DtmfMode;
  /** The calling carrier's SRTP policy when it is require (route[SRTP_CALLER] in kamailio.cfg refuses plain RTP). */
  readonly callerSrtp?: SrtpPolicy;
  /**
   * The decision depends only on numbers, carriers and accounts (a number routed to a SIP URI): the edge may
   * dial the same source, credentials and number this way again without asking (EDGE_ROUTE_CACHE_S), until the
   * worker tells it that those changed.
   */
  readonly cacheable?: boolean;
}

export type EdgeRouteDecision = RejectDecision | ChallengeDecision | DialDecision;

export function reject(
  status: number,
  reason: string,
  call?: Pick<RejectDecision, 'accountId' | 'direction' | 'applicationId'>,
): RejectDecision {
  return { action: 'reject', status, reason, ...call };
}
