import { Prisma } from '@callwire/database';
import { EgressPolicy } from '@callwire/egress';
import { computeHa1 } from '../common/ha1';
import {
  ConflictProblemException,
  NotFoundProblemException,
  ProblemException,
  ValidationProblemException,
} from '../common/problem';
import type { EdgeSyncProducer } from '../edge/edge-sync.producer';
import type { CarrierRecord, CarriersRepository } from '@callwire/database';
import { CarriersService } from './carriers.service';
import { testConfig } from '../../../../test/support/test-config';

const at = new Date('2026-01-01T00:00:00Z');

function gateway(overrides: Partial<CarrierRecord['gateways'][number]> = {}): CarrierRecord['gateways'][number] {
  return {
    id: 'g1',
    carrierId: 'c1',
    host: 'gw.example',
    port: 5060,
    transport: 'udp',
    priority: 10,
    weight: 1,
    status: 'up',
    lastResponse: '200 OK',
    statusSince: at,
    lastCheckedAt: at,
    createdAt: at,
    ...overrides,
  };
}

function carrier(overrides: Partial<CarrierRecord> = {}): CarrierRecord {
  return {
    id: 'c1',
    accountId: 'a1',
    name: 'Carrier',
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
    registerExpires: 3600,
    registerUsername: null,
    registerPassword: null,
    registrationState: 'unregistered',
    registrationDetail: null,
    registrationSince: null,
    registrationExpiresAt: null,
    srtp: 'off',
    dtmf: 'rfc4733',
    createdAt: at,
    updatedAt: at,
    gateways: [],
    ...overrides,
  };
}

/** A carrier that registers with outbound auth's credentials. */
const registering = (overrides: Partial<CarrierRecord> = {}) =>
  carrier({
    registerEnabled: true,
    outboundAuthUsername: 'acct',
    outboundAuthPassword: 'outbound-secret',
    gateways: [gateway()],
    ...overrides,
  });

describe('CarriersService', () => {
  const config = testConfig({ SIP_CARRIER_REALM: 'carriers.test' });
  const repository = { create: jest.fn(), list: jest.fn(), findById: jest.fn(), update: jest.fn(), delete: jest.fn() };
  const edge = {
    reloadCarrierRegistrations: jest.fn(async () => undefined),
    reloadCarrierAddresses: jest.fn(async () => undefined),
    resetRouteCache: jest.fn(async () => undefined),
  };
  const service = new CarriersService(
    config,
    repository as Partial<CarriersRepository> as CarriersRepository,
    edge as Pick<
      EdgeSyncProducer,
      'reloadCarrierRegistrations' | 'reloadCarrierAddresses' | 'resetRouteCache'
    > as EdgeSyncProducer,
    new EgressPolicy(config),
  );

  beforeEach(() => jest.clearAllMocks());

  it('creates with defaults, canonical addresses and hosts, and only the HA1 of the inbound password', async () => {
    repository.create.mockResolvedValue(carrier());
    await service.create('a1', {
      name: 'Carrier',
      inbound: {
        allowedAddresses: ['198.51.100.7', '2001:DB8::/32', '198.51.100.7/32'],
        auth: { username: 'trunk', password: 'inbound-secret' },
      },
      outbound: { gateways: [{ host: 'LocalHost' }, { host: '[2001:db8::1]', port: 5061, transport: 'tls' }] },
    });
    expect(repository.create).toHaveBeenCalledWith(
      'a1',
      {
        name: 'Carrier',
        enabled: true,
        inboundAddresses: ['198.51.100.7/32', '2001:db8::/32'],
        inboundAuthUsername: 'trunk',
        inboundAuthRealm: 'carriers.test',
        inboundAuthHa1: computeHa1('trunk', 'carriers.test', 'inbound-secret'),
        outboundAuthUsername: null,
        outboundAuthPassword: null,
        fromDomain: null,
        callerIdNumber: null,
        registerEnabled: false,
        registerExpires: 3600,
        registerUsername: null,
        registerPassword: null,
        srtp: 'off',
        dtmf: 'rfc4733',
      },
      [
        { host: 'localhost', port: 5060, transport: 'udp', priority: 10, weight: 1 },
        { host: '2001:db8::1', port: 5061, transport: 'tls', priority: 10, weight: 1 },
      ],
    );
    expect(edge.reloadCarrierRegistrations).not.toHaveBeenCalled();
  });

  it('shows usernames, health and registration, never a password or HA1', async () => {
    repository.findById.mockResolvedValue(
      registering({
        inboundAuthUsername: 'trunk',
        inboundAuthHa1: 'f'.repeat(32),
        registerUsername: 'reg',
        registerPassword: 'register-secret',
        registrationState: 'registered',
        registrationExpiresAt: at,
      }),
    );
    const dto = await service.get('a1', 'c1');
    expect(dto.inbound.auth).toEqual({ username: 'trunk' });
    expect(dto.outbound.auth).toEqual({ username: 'acct' });
    expect(dto.outbound.register).toEqual({
      enabled: true,
      expires: 3600,
      username: 'reg',
      state: 'registered',
      detail: null,
      since: null,
      expiresAt: at,
    });
    expect(dto.outbound.gateways[0]).toEqual({
      id: 'g1',
      host: 'gw.example',
      port: 5060,
      transport: 'udp',
      priority: 10,
      weight: 1,
      health: { status: 'up', lastResponse: '200 OK', since: at, lastCheckedAt: at },
    });
    expect(JSON.stringify(dto)).not.toMatch(/secret|ffffffff|ha1|password/i);
  });

  it('queues a reload when a created carrier registers', async () => {
    repository.create.mockResolvedValue(registering());
    await service.create('a1', {
      name: 'Carrier',
      outbound: {
        gateways: [{ host: '192.0.2.10' }],
        auth: { username: 'acct', password: 'x' },
        register: { enabled: true },
      },
    });
    expect(edge.reloadCarrierRegistrations).toHaveBeenCalledWith('c1');
  });

  it('refuses to register without a gateway or credentials, naming the fields', async () => {
    const attempt = service.create('a1', { name: 'x', outbound: { register: { enabled: true } } });
    await expect(attempt).rejects.toBeInstanceOf(ValidationProblemException);
    await attempt.catch((error: ValidationProblemException) =>
      expect(error.problem.errors?.map((e) => e.field)).toEqual(['outbound.gateways', 'outbound.register']),
    );
    // A register username with outbound auth's password is enough.
    repository.create.mockResolvedValue(registering());
    await service.create('a1', {
      name: 'x',
      outbound: {
        gateways: [{ host: '192.0.2.10' }],
        auth: { username: 'acct', password: 'x' },
        register: { enabled: true, username: 'other' },
      },
    });
    expect(repository.create).toHaveBeenCalledTimes(1);
  });

  it('checks the registration against the carrier as it will be after a PATCH', async () => {
    repository.findById.mockResolvedValue(registering());
    await expect(service.update('a1', 'c1', { outbound: { auth: null } })).rejects.toBeInstanceOf(
      ValidationProblemException,
    );
    await expect(service.update('a1', 'c1', { outbound: { gateways: [] } })).rejects.toBeInstanceOf(
      ValidationProblemException,
    );
    expect(repository.update).not.toHaveBeenCalled();
  });

  it('PATCH sends only the fields given; null auth clears the credentials', async () => {
    repository.findById.mockResolvedValue(carrier({ inboundAuthUsername: 'trunk', outboundAuthUsername: 'acct' }));
    repository.update.mockResolvedValue(carrier());
    await service.update('a1', 'c1', {
      inbound: { auth: null },
      outbound: { auth: null, register: { expires: 120 }, callerIdNumber: null },
    });
    expect(repository.update).toHaveBeenCalledWith(
      'a1',
      'c1',
      {
        inboundAuthUsername: null,
        inboundAuthRealm: null,
        inboundAuthHa1: null,
        outboundAuthUsername: null,
        outboundAuthPassword: null,
        callerIdNumber: null,
        registerExpires: 120,
      },
      undefined,
    );
    await service.update('a1', 'c1', { outbound: { gateways: [{ host: '192.0.2.20', weight: 4 }] } });
    expect(repository.update).toHaveBeenLastCalledWith('a1', 'c1', {}, [
      { host: '192.0.2.20', port: 5060, transport: 'udp', priority: 10, weight: 4 },
    ]);
    await expect(service.update('a1', 'c1', { outbound: {} })).rejects.toBeInstanceOf(ProblemException);
  });

  it.each([
    ['a new register password', registering(), registering({ registerPassword: 'new' }), true],
    ['another gateway', registering(), registering({ gateways: [gateway({ host: 'other.example' })] }), true],
    ['disabling the carrier', registering(), registering({ enabled: false }), true],
    ['turning register on', carrier({ gateways: [gateway()] }), registering(), true],
    ['turning register off', registering(), registering({ registerEnabled: false }), true],
    ['a new name', registering(), registering({ name: 'New' }), false],
    ['a gateway health change', registering(), registering({ gateways: [gateway({ status: 'down' })] }), false],
    ['new inbound credentials', registering(), registering({ inboundAuthUsername: 'trunk' }), false],
    ['a new gateway of a carrier that does not register', carrier(), carrier({ gateways: [gateway()] }), false],
  ])('after %s, queues a reload: %s', async (_case, before, after, reload) => {
    repository.findById.mockResolvedValue(before);
    repository.update.mockResolvedValue(after);
    await service.update('a1', 'c1', { name: 'anything' });
    expect(edge.reloadCarrierRegistrations).toHaveBeenCalledTimes(reload ? 1 : 0);
  });

  it.each([
    ['new inbound addresses', carrier(), carrier({ inboundAddresses: ['198.51.100.7/32'] }), true],
    [
      'disabling a carrier with addresses',
      carrier({ inboundAddresses: ['198.51.100.7/32'] }),
      carrier({ inboundAddresses: ['198.51.100.7/32'], enabled: false }),
      true,
    ],
    [
      'a new name',
      carrier({ inboundAddresses: ['198.51.100.7/32'] }),
      carrier({ inboundAddresses: ['198.51.100.7/32'], name: 'New' }),
      false,
    ],
  ])('after %s, the edge reloads the inbound addresses: %s', async (_case, before, after, reload) => {
    repository.findById.mockResolvedValue(before);
    repository.update.mockResolvedValue(after);
    await service.update('a1', 'c1', { name: 'anything' });
    expect(edge.reloadCarrierAddresses).toHaveBeenCalledTimes(reload ? 1 : 0);
  });

  it('tells the edge to drop its cached routing decisions after a carrier is created, changed or deleted', async () => {
    repository.create.mockResolvedValue(carrier());
    repository.findById.mockResolvedValue(carrier());
    repository.update.mockResolvedValue(carrier({ enabled: false }));
    repository.delete.mockResolvedValue(carrier());
    await service.create('a1', { name: 'Carrier' });
    await service.update('a1', 'c1', { enabled: false });
    await service.delete('a1', 'c1');
    expect(edge.resetRouteCache).toHaveBeenCalledTimes(3);
  });

  it('maps a taken inbound username to 409', async () => {
    const duplicate = new Prisma.PrismaClientKnownRequestError('dup', { code: 'P2002', clientVersion: 'x' });
    repository.create.mockRejectedValue(duplicate);
    await expect(
      service.create('a1', { name: 'x', inbound: { auth: { username: 'trunk', password: 'password-1' } } }),
    ).rejects.toBeInstanceOf(ConflictProblemException);
    repository.findById.mockResolvedValue(carrier());
    repository.update.mockRejectedValue(duplicate);
    await expect(
      service.update('a1', 'c1', { inbound: { auth: { username: 'trunk', password: 'password-1' } } }),
    ).rejects.toBeInstanceOf(ConflictProblemException);
  });

  it('deletes: a reload only for a carrier that registered', async () => {
    repository.delete.mockResolvedValue(carrier());
    await service.delete('a1', 'c1');
    expect(edge.reloadCarrierRegistrations).not.toHaveBeenCalled();
    repository.delete.mockResolvedValue(registering());
    await service.delete('a1', 'c1');
    expect(edge.reloadCarrierRegistrations).toHaveBeenCalledWith('c1');
  });

  it('404 when the carrier is not in the account', async () => {
    repository.findById.mockResolvedValue(null);
    repository.delete.mockResolvedValue(null);
    await expect(service.get('a1', 'c9')).rejects.toBeInstanceOf(NotFoundProblemException);
    await expect(service.update('a1', 'c9', { name: 'x' })).rejects.toBeInstanceOf(NotFoundProblemException);
    await expect(service.delete('a1', 'c9')).rejects.toBeInstanceOf(NotFoundProblemException);
    repository.findById.mockResolvedValue(carrier());
    repository.update.mockResolvedValue(null); // deleted meanwhile
    await expect(service.update('a1', 'c1', { name: 'x' })).rejects.toBeInstanceOf(NotFoundProblemException);
    expect(edge.reloadCarrierRegistrations).not.toHaveBeenCalled();
  });
});
