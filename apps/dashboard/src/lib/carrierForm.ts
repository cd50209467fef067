// The carrier form's state and the request bodies made from it (POST and PATCH /v1/carriers): inputs are kept
// as typed, and turned into the DTO shapes here. Passwords are never returned, so an empty password field
// on edit keeps the stored one.
import type { Carrier, CarrierCredential, GatewayTransport } from '../api/types';

export interface GatewayFields {
  readonly host: string;
  readonly port: string;
  readonly transport: GatewayTransport;
  readonly priority: string;
  readonly weight: string;
}

export interface CarrierFields {
  readonly name: string;
  readonly enabled: boolean;
  /** One IP address or CIDR per line (or separated by commas or spaces). */
  readonly allowedAddresses: string;
  readonly inboundUsername: string;
  readonly inboundPassword: string;
  readonly gateways: GatewayFields[];
  readonly outboundUsername: string;
  readonly outboundPassword: string;
  readonly fromDomain: string;
  readonly callerIdNumber: string;
  readonly registerEnabled: boolean;
  readonly registerExpires: string;
  readonly registerUsername: string;
  readonly registerPassword: string;
}

export const NEW_GATEWAY: GatewayFields = { host: '', port: '', transport: 'udp', priority: '', weight: '' };

export const NEW_CARRIER: CarrierFields = {
  name: '',
  enabled: true,
  allowedAddresses: '',
  inboundUsername: '',
  inboundPassword: '',
  gateways: [],
  outboundUsername: '',
  outboundPassword: '',
  fromDomain: '',
  callerIdNumber: '',
  registerEnabled: false,
  registerExpires: '',
  registerUsername: '',
  registerPassword: '',
};

/** The form filled in from a carrier (passwords left empty). */
export function carrierFields(carrier: Carrier): CarrierFields {
  const { inbound, outbound } = carrier;
  return {
    name: carrier.name,
    enabled: carrier.enabled,
    allowedAddresses: inbound.allowedAddresses.join('\n'),
    inboundUsername: inbound.auth?.username ?? '',
    inboundPassword: '',
    gateways: outbound.gateways.map((gateway) => ({
      host: gateway.host,
      port: String(gateway.port),
      transport: gateway.transport,
      priority: String(gateway.priority),
      weight: String(gateway.weight),
    })),
    outboundUsername: outbound.auth?.username ?? '',
    outboundPassword: '',
    fromDomain: outbound.fromDomain ?? '',
    callerIdNumber: outbound.callerIdNumber ?? '',
    registerEnabled: outbound.register.enabled,
    registerExpires: String(outbound.register.expires),
    registerUsername: outbound.register.username ?? '',
    registerPassword: '',
  };
}

/** A number field: left out when empty; a non-number goes as typed, for the API to explain. */
function numberField(value: string): number | string | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  const number = Number(trimmed);
  return Number.isFinite(number) ? number : trimmed;
}

function defined<T extends Record<string, unknown>>(object: T): Partial<T> {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as Partial<T>;
}

export function addressList(text: string): string[] {
  return text.split(/[\s,]+/).filter(Boolean);
}

function gatewayBodies(gateways: readonly GatewayFields[]) {
  return gateways.map((gateway) =>
    defined({
      host: gateway.host.trim(),
      port: numberField(gateway.port),
      transport: gateway.transport,
      priority: numberField(gateway.priority),
      weight: numberField(gateway.weight),
    }),
  );
}

/**
 * Credentials from a username and password field. No username: none (on edit, null removes stored ones).
 * A username without a password: on edit, the stored credentials if the username is theirs; otherwise sent
 * with an empty password, for the API to say it is missing.
 */
function credentials(
  username: string,
  password: string,
  stored: CarrierCredential | null | undefined,
): { username: string; password: string } | null | undefined {
  const name = username.trim();
  if (!name) return stored ? null : undefined;
  if (password) return { username: name, password };
  if (stored && stored.username === name) return undefined;
  return { username: name, password: '' };
}

export function createCarrierBody(fields: CarrierFields): Record<string, unknown> {
  const addresses = addressList(fields.allowedAddresses);
  const inboundAuth = credentials(fields.inboundUsername, fields.inboundPassword, undefined);
  const outbound = defined({
    gateways: fields.gateways.length > 0 ? gatewayBodies(fields.gateways) : undefined,
    auth: credentials(fields.outboundUsername, fields.outboundPassword, undefined),
    fromDomain: fields.fromDomain.trim() || undefined,
    callerIdNumber: fields.callerIdNumber.trim() || undefined,
    register: fields.registerEnabled
      ? defined({
          enabled: true,
          expires: numberField(fields.registerExpires),
          username: fields.registerUsername.trim() || undefined,
          password: fields.registerPassword || undefined,
        })
      : undefined,
  });
  return defined({
    name: fields.name,
    enabled: fields.enabled,
    inbound:
      addresses.length > 0 || inboundAuth
        ? defined({ allowedAddresses: addresses.length > 0 ? addresses : undefined, auth: inboundAuth })
        : undefined,
    outbound: Object.keys(outbound).length > 0 ? outbound : undefined,
  });
}

/** Every section in full (gateways are the whole new list), but passwords left empty keep the stored ones. */
export function updateCarrierBody(fields: CarrierFields, carrier: Carrier): Record<string, unknown> {
  return {
    name: fields.name,
    enabled: fields.enabled,
    inbound: defined({
      allowedAddresses: addressList(fields.allowedAddresses),
      auth: credentials(fields.inboundUsername, fields.inboundPassword, carrier.inbound.auth),
    }),
    outbound: defined({
      gateways: gatewayBodies(fields.gateways),
      auth: credentials(fields.outboundUsername, fields.outboundPassword, carrier.outbound.auth),
      fromDomain: fields.fromDomain.trim() || null,
      callerIdNumber: fields.callerIdNumber.trim() || null,
      register: defined({
        enabled: fields.registerEnabled,
        expires: numberField(fields.registerExpires),
        username: fields.registerUsername.trim() || null,
        password: fields.registerPassword || undefined,
      }),
    }),
  };
}

const CARRIER_FORM_FIELDS = new Set([
  'name',
  'enabled',
  'inbound.allowedAddresses',
  'inbound.auth',
  'inbound.auth.username',
  'inbound.auth.password',
  'outbound.gateways',
  'outbound.auth',
  'outbound.auth.username',
  'outbound.auth.password',
  'outbound.fromDomain',
  'outbound.callerIdNumber',
  'outbound.register',
  'outbound.register.enabled',
  'outbound.register.expires',
  'outbound.register.username',
  'outbound.register.password',
]);
const GATEWAY_FIELD = /^outbound\.gateways\.\d+\.(?:host|port|transport|priority|weight)$/;

/** The API's field paths that the carrier form shows next to a field. */
export function isCarrierFormField(field: string): boolean {
  return CARRIER_FORM_FIELDS.has(field) || GATEWAY_FIELD.test(field);
}
