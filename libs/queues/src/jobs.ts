/** Payload of QueueName.ApiKeyUsage jobs: produced by the API's ApiKeyUsageProducer, applied by the worker. */
export interface ApiKeyUsageJob {
  readonly apiKeyId: string;
  /** ISO 8601 time of the request that used the key. */
  readonly usedAt: string;
}

/** Why a SIP user's registrations are removed from the edge. */
export type DeregistrationReason = 'disabled' | 'deleted' | 'credentials-rotated';

/** Edge-sync job: remove every registration of an AoR (`user@sipDomain`) at the edge. */
export interface DeregisterUserJob {
  readonly kind: 'deregister-user';
  readonly aor: string;
  readonly reason: DeregistrationReason;
}

/** Edge-sync job: refuse a client token from now on and remove the registrations made with it. */
export interface RevokeClientTokenJob {
  readonly kind: 'revoke-client-token';
  readonly tokenId: string;
  /** Unix time (s) the token expires: the edge forgets the revocation after that. */
  readonly expiresAt: number;
}

/** Edge-sync job: end a call in progress (BYE to both sides), as asked through the API. */
export interface HangupCallJob {
  readonly kind: 'hangup-call';
  readonly sipCallId: string;
  /** The call's account (the worker reports the call's end for it). */
  readonly accountId: string;
}

/**
 * Edge-sync job: the carriers' registration settings changed; the edge reloads the registrations it keeps
 * with carriers (view kamailio_uacreg) and registers, refreshes or drops them accordingly.
 */
export interface ReloadCarrierRegistrationsJob {
  readonly kind: 'reload-carrier-registrations';
  /** The carrier whose change asked for it (for the log). */
  readonly carrierId: string;
}

/**
 * Edge-sync job: the carriers' inbound addresses changed; the edge reloads them (view
 * kamailio_carrier_addresses) and from then on passes unauthenticated calls from them to the platform.
 */
export interface ReloadCarrierAddressesJob {
  readonly kind: 'reload-carrier-addresses';
  /** The carrier whose change asked for it (for the log). */
  readonly carrierId: string;
}

/** Edge-sync job (scheduled by the worker): read the edge's registrations with carriers into the API. */
export interface SyncCarrierRegistrationsJob {
  readonly kind: 'sync-carrier-registrations';
}

/**
 * Edge-sync job: an account's limits changed (or the account was deleted); the worker writes what view
 * kamailio_account_limits now says for `<sipDomain>::calls` and `<sipDomain>::regs` into the edge's htable
 * acctlimits (htable.sets, or htable.delete where the account has no such limit).
 */
export interface SyncAccountLimitsJob {
  readonly kind: 'sync-account-limits';
  readonly sipDomain: string;
}

/** Edge-sync job: the admin lifts the edge's block of a source (htable ipban) and its record. */
export interface ClearEdgeBlockJob {
  readonly kind: 'clear-edge-block';
  readonly ip: string;
}

/**
 * Edge-sync job: numbers, carriers or accounts changed; the edge must stop reusing the routing decisions it
 * cached (kamailio.cfg route[PLATFORM_ROUTE]). The worker changes the edge's routing generation (htable routegen).
 */
export interface ResetRouteCacheJob {
  readonly kind: 'reset-route-cache';
  /** What changed (for the log). */
  readonly reason: string;
}

/** Payload of QueueName.EdgeSync jobs: produced by the API's EdgeSyncProducer, applied by the worker. */
export type EdgeSyncJob =
  | DeregisterUserJob
  | RevokeClientTokenJob
  | HangupCallJob
  | ReloadCarrierRegistrationsJob
  | ReloadCarrierAddressesJob
  | SyncCarrierRegistrationsJob
  | SyncAccountLimitsJob
  | ClearEdgeBlockJob
  | ResetRouteCacheJob;

export type CallDirection = 'internal' | 'inbound' | 'outbound';

/** What happened to a call at the edge. `ended` carries the outcome (final SIP status, who hung up). */
export type EdgeCallEventName = 'initiated' | 'ringing' | 'answered' | 'ended';

/** An edge event (one stream entry, edgeEventsStream()) about a call, as the edge saw it. */
export interface EdgeCallEvent {
  readonly kind: 'call';
  readonly event: EdgeCallEventName;
  /** The SIP Call-ID. */
  readonly sipCallId: string;
  /**
   * The call's account, by its SIP domain (From's domain for calls between an account's endpoints). The
   * edge always names it; ends the platform reports itself (a hang-up, a lost call) name accountId instead.
   */
  readonly sipDomain?: string;
  /** The call's account when the edge's routing decision named it (carrier calls: From is the carrier's). */
  readonly accountId?: string;
  /** `initiated`: internal, inbound (from a carrier) or outbound (to a carrier); internal when absent. */
  readonly direction?: CallDirection;
  /** `initiated`: the application that decided the call's route, if one did. */
  readonly applicationId?: string;
  /** `initiated` only: caller and callee URIs, the caller's transport (udp, tcp, tls, ws, wss). */
  readonly from?: string;
  readonly to?: string;
  readonly transport?: string;
  /** Unix time in milliseconds at the edge. */
  readonly at: number;
  /** `ended`: the final SIP status (200 for an answered call that ended with BYE). */
  readonly sipStatus?: number;
  readonly reason?: string;
  /** `ended` after `answered`: who sent the BYE (caller or callee). */
  readonly hangupBy?: 'caller' | 'callee' | 'edge';
  /**
   * `answered`, `ended`: the codec each leg uses (encoding name as its SDP spells it, e.g. `PCMU`, `G722`, `opus`),
   * from the last answer with SDP (183 early media or 200): they differ when rtpengine transcodes.
   */
  readonly callerCodec?: string;
  readonly calleeCodec?: string;
}

export type EdgeRegistrationEventName = 'created' | 'refreshed' | 'removed';

/** An edge event about a registration (its shard: the AoR's). */
export interface EdgeRegistrationEvent {
  readonly kind: 'registration';
  readonly event: EdgeRegistrationEventName;
  /** `user@sipDomain` */
  readonly aor: string;
  readonly sipDomain: string;
  readonly contact: string;
  readonly transport: string;
  readonly at: number;
  /** `removed`: unregistered, expired or removed by the platform. */
  readonly reason?: string;
}

/** Why the edge blocked a source. */
export type EdgeBlockReason = 'auth-failures' | 'flood' | 'scanner';

/** An edge event about a block: the edge blocked a source (its htable ipban) until `until` (its shard: the address's). */
export interface EdgeSecurityEvent {
  readonly kind: 'security';
  readonly event: 'blocked';
  readonly ip: string;
  readonly reason: EdgeBlockReason;
  /** Unix time in milliseconds the block ends. */
  readonly until: number;
  readonly at: number;
}

/**
 * A DTMF digit sent during a call (its shard: the Call-ID's), as rtpengine reported it to the worker (which writes
 * it): a telephone-event in the media, or a digit the edge played for a SIP INFO. Kept on the call record only when
 * the account records DTMF.
 */
export interface EdgeDtmfEvent {
  readonly kind: 'dtmf';
  readonly sipCallId: string;
  readonly sipDomain: string;
  readonly accountId?: string;
  /** 0-9, *, #, A-D */
  readonly digit: string;
  /** The side that sent it. */
  readonly source: 'caller' | 'callee';
  /** How that side sent it. */
  readonly method: 'info' | 'rfc4733';
  readonly at: number;
}

/** What one entry of the edge's event streams carries (parsed by the worker's edge-event parser). */
export type EdgeEventJob = EdgeCallEvent | EdgeRegistrationEvent | EdgeSecurityEvent | EdgeDtmfEvent;

/** Payload of QueueName.WebhookDelivery jobs: the delivery row holds the event, endpoint and attempts. */
export interface WebhookDeliveryJob {
  readonly deliveryId: string;
}

/**
 * Payload of QueueName.GatewayHealth jobs: one round of OPTIONS health checks, which stores each gateway's
 * status. The worker's job scheduler adds one every GATEWAY_CHECK_INTERVAL_MS for every gateway of the
 * enabled carriers; a job naming a carrier checks only that carrier's gateways (e.g. right after a change).
 */
export interface GatewayHealthJob {
  readonly carrierId?: string;
}

/**
 * Payload of QueueName.CallReconciliation jobs: one round comparing the active call records with the edge's
 * dialogs. The worker adds one at start (an edge restart loses every dialog) and every CALL_RECONCILE_INTERVAL_MS.
 */
export interface CallReconciliationJob {
  readonly trigger: 'worker-start' | 'interval';
}
