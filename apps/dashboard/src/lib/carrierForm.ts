// The carrier form's state and the request bodies made from it (POST and PATCH /v1/carriers): inputs are kept
// as typed, and turned into the DTO shapes here. Passwords are never returned, so an empty password field
// on edit keeps the stored one.
import { type NumberText, NumberFields } from './numberFields';
import type {
  Carrier,
  CarrierCredential,
  CarrierGatewayRequest,
  CreateCarrierOutboundRequest,
  CreateCarrierRequest,
  DtmfMode,
  GatewayTransport,
  SrtpPolicy,
  UpdateCarrierRequest,
} from '../api/types';

/**
 * A number input as typed: "" when empty, null when it holds text that is not a number (the browser then
 * reports its value as "", and only validity.badInput tells the two apart).
 */
export interface GatewayFields {
  readonly host: string;
  readonly port: NumberText;
  readonly transport: GatewayTransport;
  readonly priority: NumberText;
  readonly weight: NumberText;
}

export interface CarrierFields {
  readonly name: string;
  readonly enabled: boolean;
  readonly srtp: SrtpPolicy;
  readonly dtmf: DtmfMode;
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
  readonly registerExpires: NumberText;
  readonly registerUsername: string;
  readonly registerPassword: string;
}

export const NEW_GATEWAY: GatewayFields = { host: '', port: '', transport: 'udp', priority: '', weight: '' };

export const NEW_CARRIER: CarrierFields = {
  name: '',
  enabled: true,
  srtp: 'off', // the API's default for carriers: most trunks speak plain RTP
  dtmf: 'rfc4733',
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
    srtp: carrier.srtp,
    dtmf: carrier.dtmf,
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

export function addressList(text: string): string[] {
  return text.split(/[\s,]+/).filter(Boolean);
}

function gatewayBodies(gateways: readonly GatewayFields[], numbers: NumberFields): CarrierGatewayRequest[] {
  return gateways.map((gateway, index): CarrierGatewayRequest => {
    const field = (name: string) => `outbound.gateways.${index}.${name}`;
    return {
      host: gateway.host.trim(),
      port: numbers.read(gateway.port, field('port')),
      transport: gateway.transport,
      priority: numbers.read(gateway.priority, field('priority')),
      weight: numbers.read(gateway.weight, field('weight')),
    };
  });
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

// Members left undefined are optional fields the form leaves to the API (its defaults, or what is stored):
// JSON leaves them out.

/** The POST body; throws InvalidFields when a number field is not a number. */
export function createCarrierBody(fields: CarrierFields): CreateCarrierRequest {
  const numbers = new NumberFields();
  const addresses = addressList(fields.allowedAddresses);
  const inboundAuth = credentials(fields.inboundUsername, fields.inboundPassword, undefined);
  const outbound: CreateCarrierOutboundRequest = {
    gateways: fields.gateways.length > 0 ? gatewayBodies(fields.gateways, numbers) : undefined,
    auth: credentials(fields.outboundUsername, fields.outboundPassword, undefined),
    fromDomain: fields.fromDomain.trim() || undefined,
    callerIdNumber: fields.callerIdNumber.trim() || undefined,
    register: fields.registerEnabled
      ? {
          enabled: true,
          expires: numbers.read(fields.registerExpires, 'outbound.register.expires'),
          username: fields.registerUsername.trim() || undefined,
          password: fields.registerPassword || undefined,
        }
      : undefined,
  };
  const body: CreateCarrierRequest = {
    name: fields.name,
    enabled: fields.enabled,
    srtp: fields.srtp,
    dtmf: fields.dtmf,
    inbound:
      addresses.length > 0 || inboundAuth
        ? { allowedAddresses: addresses.length > 0 ? addresses : undefined, auth: inboundAuth }
        : undefined,
    outbound: Object.values(outbound).some((value) => value !== undefined) ? outbound : undefined,
  };
  return numbers.checked(body);
}

/**
 * The PATCH body: every section in full (gateways are the whole new list), but passwords left empty keep the
 * stored ones. Throws InvalidFields when a number field is not a number.
 */
export function updateCarrierBody(fields: CarrierFields, carrier: Carrier): UpdateCarrierRequest {
  const numbers = new NumberFields();
  const body: UpdateCarrierRequest = {
    name: fields.name,
    enabled: fields.enabled,
    srtp: fields.srtp,
    dtmf: fields.dtmf,
    inbound: {
      allowedAddresses: addressList(fields.allowedAddresses),
      auth: credentials(fields.inboundUsername, fields.inboundPassword, carrier.inbound.auth),
    },
    outbound: {
      gateways: gatewayBodies(fields.gateways, numbers),
      auth: credentials(fields.outboundUsername, fields.outboundPassword, carrier.outbound.auth),
      fromDomain: fields.fromDomain.trim() || null,
      callerIdNumber: fields.callerIdNumber.trim() || null,
      register: {
        enabled: fields.registerEnabled,
        expires: numbers.read(fields.registerExpires, 'outbound.register.expires'),
        username: fields.registerUsername.trim() || null,
        password: fields.registerPassword || undefined,
      },
    },
  };
  return numbers.checked(body);
}

const CARRIER_FORM_FIELDS = new Set([
  'name',
  'enabled',
  'srtp',
  'dtmf',
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
