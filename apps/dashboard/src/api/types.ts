// Resource shapes as the API returns them (written from apps/api/src/*/dto; dates arrive as ISO strings).

export interface Page<T> {
  readonly data: T[];
  readonly nextCursor: string | null;
}

export interface List<T> {
  readonly data: T[];
}

export interface SessionAccount {
  readonly id: string;
  readonly name: string;
  readonly sipDomain: string;
}

export interface Session {
  readonly role: 'admin' | 'account';
  readonly account: SessionAccount | null;
  readonly csrfToken: string;
  readonly expiresAt: string;
}

export interface Account {
  readonly id: string;
  readonly name: string;
  readonly sipDomain: string;
  readonly createdAt: string;
}

export interface CreatedApiKey {
  readonly id: string;
  readonly name: string;
  readonly key: string;
  readonly prefix: string;
  readonly createdAt: string;
  readonly expiresAt: string | null;
}

export interface SipUser {
  readonly id: string;
  readonly username: string;
  readonly displayName: string | null;
  readonly enabled: boolean;
  readonly sipUri: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface IceServer {
  readonly urls: string[];
  readonly username?: string;
  readonly credential?: string;
}

export interface ClientToken {
  readonly id: string;
  readonly token: string;
  readonly identity: string;
  readonly sipUserId: string | null;
  readonly sipUri: string;
  readonly wsUrl: string;
  readonly expiresAt: string;
  readonly iceServers: IceServer[];
}

/** GET /v1/client-tokens: a token that still works, without the token itself. */
export interface ClientTokenSummary {
  readonly id: string;
  readonly identity: string;
  readonly sipUserId: string | null;
  readonly sipUri: string;
  readonly createdAt: string;
  readonly expiresAt: string;
}

export interface Registration {
  readonly aor: string;
  readonly contact: string;
  readonly transport: string;
  readonly sourceAddress: string | null;
  readonly userAgent: string;
  readonly expiresAt: string;
  readonly sipUserId: string | null;
  readonly identity: string | null;
  readonly clientTokenId: string | null;
}

export const GATEWAY_TRANSPORTS = ['udp', 'tcp', 'tls'] as const;
export type GatewayTransport = (typeof GATEWAY_TRANSPORTS)[number];

export interface CarrierGateway {
  readonly id: string;
  readonly host: string;
  readonly port: number;
  readonly transport: GatewayTransport;
  readonly priority: number;
  readonly weight: number;
  readonly health: {
    readonly status: 'unknown' | 'up' | 'down';
    readonly lastResponse: string | null;
    readonly since: string | null;
    readonly lastCheckedAt: string | null;
  };
}

export interface CarrierCredential {
  readonly username: string;
}

export interface CarrierRegistration {
  readonly enabled: boolean;
  readonly expires: number;
  readonly username: string | null;
  readonly state: 'unregistered' | 'registering' | 'registered' | 'failed';
  readonly detail: string | null;
  readonly since: string | null;
  readonly expiresAt: string | null;
}

export interface Carrier {
  readonly id: string;
  readonly name: string;
  readonly enabled: boolean;
  readonly inbound: { readonly allowedAddresses: string[]; readonly auth: CarrierCredential | null };
  readonly outbound: {
    readonly gateways: CarrierGateway[];
    readonly auth: CarrierCredential | null;
    readonly register: CarrierRegistration;
    readonly fromDomain: string | null;
    readonly callerIdNumber: string | null;
  };
  readonly createdAt: string;
  readonly updatedAt: string;
}

export const ROUTE_TYPES = ['sip-user', 'client', 'application', 'sip-uri'] as const;
export type RouteType = (typeof ROUTE_TYPES)[number];

export interface PhoneNumber {
  readonly id: string;
  readonly number: string;
  readonly carrierId: string | null;
  readonly route: { readonly type: RouteType; readonly target: string };
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface Application {
  readonly id: string;
  readonly name: string;
  readonly voiceUrl: string;
  readonly fallbackUrl: string | null;
  readonly statusCallbackUrl: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface SigningSecret {
  readonly signingSecret: string;
}

export interface OutboundRoute {
  readonly id: string;
  readonly name: string;
  readonly prefix: string;
  readonly priority: number;
  readonly carrierId: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export const WEBHOOK_EVENT_TYPES = [
  'call.initiated',
  'call.ringing',
  'call.answered',
  'call.completed',
  'registration.created',
  'registration.removed',
  'webhook.disabled',
] as const;
export const ALL_WEBHOOK_EVENTS = '*';

export interface WebhookEndpoint {
  readonly id: string;
  readonly url: string;
  readonly events: string[];
  readonly description: string | null;
  readonly enabled: boolean;
  readonly disabledReason: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface WebhookSecret {
  readonly secret: string;
}

export interface WebhookDelivery {
  readonly id: string;
  readonly eventId: string;
  readonly eventType: string;
  readonly state: 'pending' | 'succeeded' | 'failed';
  readonly attempts: number;
  readonly lastStatusCode: number | null;
  readonly lastLatencyMs: number | null;
  readonly lastError: string | null;
  readonly nextAttemptAt: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export const ACTIVE_CALL_STATUSES = ['initiated', 'ringing', 'in-progress'] as const;
export const FINAL_CALL_STATUSES = ['completed', 'busy', 'failed', 'no-answer', 'canceled'] as const;
export const CALL_STATUSES = [...ACTIVE_CALL_STATUSES, ...FINAL_CALL_STATUSES] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

export interface Call {
  readonly id: string;
  readonly sipCallId: string;
  readonly from: string;
  readonly to: string;
  readonly direction: string;
  readonly status: CallStatus;
  readonly sipStatus: number | null;
  readonly reason: string | null;
  readonly hangupBy: 'caller' | 'callee' | 'edge' | null;
  readonly transport: string | null;
  readonly startedAt: string;
  readonly ringingAt: string | null;
  readonly answeredAt: string | null;
  readonly endedAt: string | null;
  readonly durationMs: number | null;
}

export interface SipMessage {
  readonly id: string;
  readonly capturedAt: string;
  readonly elapsedMs: number;
  readonly source: string;
  readonly destination: string;
  readonly transport: 'udp' | 'tcp' | 'tls' | 'ws' | 'wss' | 'sctp';
  readonly method: string | null;
  readonly statusCode: number | null;
  readonly reasonPhrase: string | null;
  readonly cseq: string;
  readonly label: string;
  readonly raw: string;
}

/** GET /v1/calls/:id/sip-messages. */
export interface SipMessageList extends List<SipMessage> {
  /** How long the platform keeps captured messages (SIP_TRACE_RETENTION_HOURS). */
  readonly retentionHours: number;
}

/** What GET /v1/live announces: "this list changed in this account, refetch it". */
export const LIVE_EVENTS = ['registrations', 'calls', 'webhook-deliveries', 'carriers'] as const;
export type LiveEvent = (typeof LIVE_EVENTS)[number];
