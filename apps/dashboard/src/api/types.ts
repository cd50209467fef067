// Resource shapes as the API returns them: names for the types generated from its OpenAPI document
// (schema.d.ts, npm run api:generate). Only lists the dashboard needs at run time are written here, and the
// compiler checks them against the generated types.
import type { components } from './schema';

type Schemas = components['schemas'];

export interface Page<T> {
  readonly data: T[];
  readonly nextCursor: string | null;
}

export interface List<T> {
  readonly data: T[];
}

export type SessionAccount = Schemas['SessionAccountDto'];
export type Session = Schemas['SessionDto'];
export type Account = Schemas['AccountDto'];
export type CreatedApiKey = Schemas['CreatedApiKeyDto'];
export type SipUser = Schemas['SipUserDto'];
export type SrtpPolicy = Schemas['SrtpPolicy'];
export type DtmfMode = Schemas['DtmfMode'];
export type IceServer = Schemas['IceServerDto'];
export type ClientToken = Schemas['ClientTokenDto'];
export type ClientTokenRequest = Schemas['CreateClientTokenDto'];
/** GET /v1/client-tokens: a token that still works, without the token itself. */
export type ClientTokenSummary = Schemas['ClientTokenSummaryDto'];
export type Registration = Schemas['RegistrationDto'];
export type CarrierGateway = Schemas['CarrierGatewayDto'];
export type CarrierCredential = Schemas['CarrierCredentialDto'];
export type CarrierRegistration = Schemas['CarrierRegistrationDto'];
export type Carrier = Schemas['CarrierDto'];
export type CreateCarrierRequest = Schemas['CreateCarrierDto'];
export type CreateCarrierOutboundRequest = Schemas['CreateCarrierOutboundInputDto'];
export type CarrierGatewayRequest = Schemas['CarrierGatewayInputDto'];
export type UpdateCarrierRequest = Schemas['UpdateCarrierDto'];
export type PhoneNumber = Schemas['PhoneNumberDto'];
export type Application = Schemas['ApplicationDto'];
export type SigningSecret = Schemas['ApplicationSecretDto'];
export type OutboundRoute = Schemas['OutboundRouteDto'];
export type WebhookEndpoint = Schemas['WebhookEndpointDto'];
export type WebhookSecret = Schemas['WebhookSecretDto'];
export type WebhookDelivery = Schemas['WebhookDeliveryDto'];
export type Call = Schemas['CallDto'];
export type SipMessage = Schemas['SipMessageDto'];
/** GET /v1/calls/:id/sip-messages (retentionHours: SIP_TRACE_RETENTION_HOURS). */
export type SipMessageList = Schemas['SipMessageListDto'];

/** Every member of a generated union, listed once: the compiler refuses a missing or unknown one. */
function allOf<T extends string>(members: Record<T, true>): T[] {
  return Object.keys(members) as T[];
}

export type GatewayTransport = CarrierGateway['transport'];
export const GATEWAY_TRANSPORTS = allOf<GatewayTransport>({ udp: true, tcp: true, tls: true });

export type RouteType = PhoneNumber['route']['type'];
export const ROUTE_TYPES = allOf<RouteType>({ 'sip-user': true, client: true, application: true, 'sip-uri': true });

export const ALL_WEBHOOK_EVENTS = '*';
export type WebhookEventType = Exclude<WebhookEndpoint['events'][number], typeof ALL_WEBHOOK_EVENTS>;
export const WEBHOOK_EVENT_TYPES = allOf<WebhookEventType>({
  'call.initiated': true,
  'call.ringing': true,
  'call.answered': true,
  'call.completed': true,
  'registration.created': true,
  'registration.removed': true,
  'webhook.disabled': true,
});

export type CallStatus = Call['status'];
export const ACTIVE_CALL_STATUSES = ['initiated', 'ringing', 'in-progress'] as const satisfies readonly CallStatus[];
export const CALL_STATUSES = allOf<CallStatus>({
  initiated: true,
  ringing: true,
  'in-progress': true,
  completed: true,
  busy: true,
  failed: true,
  'no-answer': true,
  canceled: true,
});

/** What GET /v1/live announces: "this list changed in this account, refetch it" (not in the document: SSE). */
export const LIVE_EVENTS = ['registrations', 'calls', 'webhook-deliveries', 'carriers'] as const;
export type LiveEvent = (typeof LIVE_EVENTS)[number];
