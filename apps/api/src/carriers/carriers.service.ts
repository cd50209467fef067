import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { isDeepStrictEqual } from 'node:util';
import { CALLWIRE_CONFIG, type CallwireConfig } from '@callwire/config';
import { EgressPolicy } from '@callwire/egress';
import {
  type CarrierFields,
  type CarrierRecord,
  CarriersRepository,
  GATEWAY_DEFAULTS,
  type GatewaySpec,
  isUniqueViolation,
} from '@callwire/database';
import { computeHa1 } from '../common/ha1';
import { type Page, type PageQueryDto, toPage, toPageRequest } from '../common/pagination';
import {
  ConflictProblemException,
  type FieldError,
  NotFoundProblemException,
  ProblemException,
  ValidationProblemException,
  problem,
} from '../common/problem';
import { type Destination, assertAllowedDestinations } from '../common/url.validators';
import { EdgeSyncProducer } from '../edge/edge-sync.producer';
import {
  type CarrierCredentialsInputDto,
  type CarrierDto,
  type CarrierGatewayInputDto,
  type CarrierInboundAuthInputDto,
  type CreateCarrierDto,
  DEFAULT_REGISTER_EXPIRES,
  type UpdateCarrierDto,
} from './dto/carrier.dto';
import { normalizeHost, parseCidr } from './network-address';

/** A new carrier's columns before the request's fields apply. */
const NEW_CARRIER: Omit<CarrierFields, 'name'> = {
  enabled: true,
  inboundAddresses: [],
  inboundAuthUsername: null,
  inboundAuthRealm: null,
  inboundAuthHa1: null,
  outboundAuthUsername: null,
  outboundAuthPassword: null,
  fromDomain: null,
  callerIdNumber: null,
  registerEnabled: false,
  registerExpires: DEFAULT_REGISTER_EXPIRES,
  registerUsername: null,
  registerPassword: null,
  srtp: 'off',
  dtmf: 'rfc4733',
};

function toDto(carrier: CarrierRecord): CarrierDto {
  return {
    id: carrier.id,
    name: carrier.name,
    enabled: carrier.enabled,
    inbound: {
      allowedAddresses: carrier.inboundAddresses,
      auth: carrier.inboundAuthUsername === null ? null : { username: carrier.inboundAuthUsername },
    },
    outbound: {
      gateways: carrier.gateways.map((gateway) => ({
        id: gateway.id,
        host: gateway.host,
        port: gateway.port,
        transport: gateway.transport,
        priority: gateway.priority,
        weight: gateway.weight,
        health: {
          status: gateway.status,
          lastResponse: gateway.lastResponse,
          since: gateway.statusSince,
          lastCheckedAt: gateway.lastCheckedAt,
        },
      })),
      auth: carrier.outboundAuthUsername === null ? null : { username: carrier.outboundAuthUsername },
      register: {
        enabled: carrier.registerEnabled,
        expires: carrier.registerExpires,
        username: carrier.registerUsername,
        state: carrier.registrationState,
        detail: carrier.registrationDetail,
        since: carrier.registrationSince,
        expiresAt: carrier.registrationExpiresAt,
      },
      fromDomain: carrier.fromDomain,
      callerIdNumber: carrier.callerIdNumber,
    },
    srtp: carrier.srtp,
    dtmf: carrier.dtmf,
    createdAt: carrier.createdAt,
    updatedAt: carrier.updatedAt,
  };
}

function gatewaySpecs(gateways: readonly CarrierGatewayInputDto[]): GatewaySpec[] {
  return gateways.map((gateway) => ({
    host: normalizeHost(gateway.host) ?? gateway.host,
    port: gateway.port ?? GATEWAY_DEFAULTS.port,
    transport: gateway.transport ?? GATEWAY_DEFAULTS.transport,
    priority: gateway.priority ?? GATEWAY_DEFAULTS.priority,
    weight: gateway.weight ?? GATEWAY_DEFAULTS.weight,
  }));
}

/** The gateways' hosts: the worker probes them, the edge sends calls and registrations to them. */
function gatewayDestinations(gateways: readonly CarrierGatewayInputDto[] = []): Destination[] {
  return gateways.map((gateway, index) => ({
    field: `outbound.gateways.${index}.host`,
    host: normalizeHost(gateway.host) ?? gateway.host,
  }));
}

/** Canonical CIDRs, each once, in the order given (the DTO let only valid ones through). */
function addressRules(addresses: readonly string[]): string[] {
  const rules = addresses.map((address) => {
    const parsed = parseCidr(address);
    return 'cidr' in parsed ? parsed.cidr : address;
  });
  return [...new Set(rules)];
}

function outboundAuthFields(auth: CarrierCredentialsInputDto | null): Partial<CarrierFields> {
  return { outboundAuthUsername: auth?.username ?? null, outboundAuthPassword: auth?.password ?? null };
}

/**
 * What the edge's registration with a carrier depends on (see the kamailio_uacreg view), or null when it
 * keeps none: a change of it while register is on (before or after) has the edge reload its registrations.
 */
function registrationOf(carrier: CarrierRecord): unknown {
  if (!carrier.registerEnabled) return null;
  return {
    enabled: carrier.enabled,
    username: carrier.registerUsername ?? carrier.outboundAuthUsername,
    password: carrier.registerPassword ?? carrier.outboundAuthPassword,
    expires: carrier.registerExpires,
    gateways: carrier.gateways.map(({ host, port, transport, priority }) => ({ host, port, transport, priority })),
  };
}

/** The addresses the edge passes unauthenticated calls from (view kamailio_carrier_addresses). */
function inboundAddressesOf(carrier: CarrierRecord): string[] {
  return carrier.enabled ? carrier.inboundAddresses : [];
}

/** Registering needs somewhere to register and credentials to do it with. */
function registrationErrors(fields: CarrierFields, gatewayCount: number): FieldError[] {
  if (!fields.registerEnabled) return [];
  const errors: FieldError[] = [];
  if (gatewayCount === 0) {
    errors.push({ field: 'outbound.gateways', message: 'register.enabled needs at least one gateway' });
  }
  const username = fields.registerUsername ?? fields.outboundAuthUsername;
  const password = fields.registerPassword ?? fields.outboundAuthPassword;
  if (username === null || password === null) {
    errors.push({
      field: 'outbound.register',
      message: 'register.enabled needs credentials: register.username and register.password, or outbound.auth',
    });
  }
  return errors;
}

/** SIP trunks of an account: inbound recognition, outbound gateways and the edge's registration with them. */
@Injectable()
export class CarriersService {
  constructor(
    @Inject(CALLWIRE_CONFIG) private readonly config: CallwireConfig,
    private readonly carriers: CarriersRepository,
    private readonly edge: EdgeSyncProducer,
    private readonly egress: EgressPolicy,
  ) {}

  async create(accountId: string, dto: CreateCarrierDto): Promise<CarrierDto> {
    const fields: CarrierFields = { ...NEW_CARRIER, name: dto.name, ...this.changesOf(dto) };
    const gateways = gatewaySpecs(dto.outbound?.gateways ?? []);
    this.checkRegistration(fields, gateways.length);
    await assertAllowedDestinations(this.egress, gatewayDestinations(dto.outbound?.gateways));
    const carrier = await this.saving(dto, () => this.carriers.create(accountId, fields, gateways));
    if (registrationOf(carrier) !== null) await this.edge.reloadCarrierRegistrations(carrier.id);
    if (inboundAddressesOf(carrier).length > 0) await this.edge.reloadCarrierAddresses(carrier.id);
    await this.edge.resetRouteCache(`carrier ${carrier.id} created`);
    return toDto(carrier);
  }

  async list(accountId: string, query: PageQueryDto): Promise<Page<CarrierDto>> {
    const page = toPageRequest(query);
    return toPage(await this.carriers.list(accountId, page), page, toDto);
  }

  async get(accountId: string, id: string): Promise<CarrierDto> {
    const carrier = await this.carriers.findById(accountId, id);
    if (!carrier) throw new NotFoundProblemException('Carrier');
    return toDto(carrier);
  }

  async update(accountId: string, id: string, dto: UpdateCarrierDto): Promise<CarrierDto> {
    const changes = this.changesOf(dto);
    const gateways = dto.outbound?.gateways && gatewaySpecs(dto.outbound.gateways);
    if (Object.keys(changes).length === 0 && !gateways) {
      throw new ProblemException(
        problem(HttpStatus.BAD_REQUEST, 'Nothing to update: send name, enabled, inbound, outbound, srtp or dtmf.'),
      );
    }
    const before = await this.carriers.findById(accountId, id);
    if (!before) throw new NotFoundProblemException('Carrier');
    this.checkRegistration({ ...before, ...changes }, (gateways ?? before.gateways).length);
    await assertAllowedDestinations(this.egress, gatewayDestinations(dto.outbound?.gateways));
    const carrier = await this.saving(dto, () => this.carriers.update(accountId, id, changes, gateways));
    if (!carrier) throw new NotFoundProblemException('Carrier');
    if (!isDeepStrictEqual(registrationOf(before), registrationOf(carrier))) {
      await this.edge.reloadCarrierRegistrations(carrier.id);
    }
    if (!isDeepStrictEqual(inboundAddressesOf(before), inboundAddressesOf(carrier))) {
      await this.edge.reloadCarrierAddresses(carrier.id);
    }
    await this.edge.resetRouteCache(`carrier ${carrier.id} changed`);
    return toDto(carrier);
  }

  /** Its gateways and outbound routes go with it; its phone numbers stay, with no carrier. */
  async delete(accountId: string, id: string): Promise<void> {
    const carrier = await this.carriers.delete(accountId, id);
    if (!carrier) throw new NotFoundProblemException('Carrier');
    if (registrationOf(carrier) !== null) await this.edge.reloadCarrierRegistrations(carrier.id);
    if (inboundAddressesOf(carrier).length > 0) await this.edge.reloadCarrierAddresses(carrier.id);
    await this.edge.resetRouteCache(`carrier ${carrier.id} deleted`);
  }

  /** The columns the request sets: only the fields it gives (create starts from NEW_CARRIER). */
  private changesOf(dto: CreateCarrierDto | UpdateCarrierDto): Partial<CarrierFields> {
    const { inbound, outbound } = dto;
    const register = outbound?.register;
    const changes: Partial<CarrierFields> = {
      name: dto.name,
      enabled: dto.enabled,
      inboundAddresses: inbound?.allowedAddresses && addressRules(inbound.allowedAddresses),
      ...(inbound?.auth === undefined ? {} : this.inboundAuthFields(inbound.auth)),
      ...(outbound?.auth === undefined ? {} : outboundAuthFields(outbound.auth)),
      fromDomain: outbound?.fromDomain && normalizeHost(outbound.fromDomain),
      callerIdNumber: outbound?.callerIdNumber,
      registerEnabled: register?.enabled,
      registerExpires: register?.expires,
      registerUsername: register?.username,
      registerPassword: register?.password,
      srtp: dto.srtp,
      dtmf: dto.dtmf,
    };
    return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
  }

  /** Only the HA1 in the carrier realm is stored, never the password. */
  private inboundAuthFields(auth: CarrierInboundAuthInputDto | null): Partial<CarrierFields> {
    if (auth === null) return { inboundAuthUsername: null, inboundAuthRealm: null, inboundAuthHa1: null };
    const realm = this.config.routing.carrierRealm;
    return {
      inboundAuthUsername: auth.username,
      inboundAuthRealm: realm,
      inboundAuthHa1: computeHa1(auth.username, realm, auth.password),
    };
  }

  private checkRegistration(fields: CarrierFields, gatewayCount: number): void {
    const errors = registrationErrors(fields, gatewayCount);
    if (errors.length > 0) throw new ValidationProblemException(errors);
  }

  /** Inbound usernames are unique on the platform. */
  private async saving<T>(dto: CreateCarrierDto | UpdateCarrierDto, save: () => Promise<T>): Promise<T> {
    try {
      return await save();
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw new ConflictProblemException(`The inbound username ${dto.inbound?.auth?.username} is taken.`);
    }
  }
}
