import { Prisma } from '@callwire/database';
import type { EdgeSyncProducer } from '../edge/edge-sync.producer';
import {
  ConflictProblemException,
  NotFoundProblemException,
  ProblemException,
  ValidationProblemException,
} from '../common/problem';
import type {
  ApplicationsRepository,
  CarriersRepository,
  PhoneNumberRecord,
  PhoneNumbersRepository,
  SipUsersRepository,
} from '@callwire/database';
import { PhoneNumbersService } from './phone-numbers.service';

const at = new Date('2026-01-01T00:00:00Z');
const APP = '01890000-0000-7000-8000-0000000000ee';

function phoneNumber(overrides: Partial<PhoneNumberRecord> = {}): PhoneNumberRecord {
  return {
    id: 'n1',
    accountId: 'a1',
    number: '+14155550100',
    carrierId: null,
    routeType: 'client',
    routeTarget: 'bob',
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

/** The fields a rejected promise's validation problem names. */
async function fieldsOf(promise: Promise<unknown>): Promise<string[]> {
  const error: unknown = await promise.then(
    () => null,
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(ValidationProblemException);
  return (error as ValidationProblemException).problem.errors?.map((e) => e.field) ?? [];
}

describe('PhoneNumbersService', () => {
  const repository = {
    create: jest.fn(),
    list: jest.fn(),
    findById: jest.fn(),
    update: jest.fn(),
    delete: jest.fn(),
  };
  const sipUsers = { existsByUsername: jest.fn(async () => true) };
  const carriers = { exists: jest.fn(async () => true) };
  const applications = { exists: jest.fn(async () => true) };
  const edge = { resetRouteCache: jest.fn(async () => undefined) };
  const service = new PhoneNumbersService(
    repository as Partial<PhoneNumbersRepository> as PhoneNumbersRepository,
    carriers as Pick<CarriersRepository, 'exists'> as CarriersRepository,
    applications as Pick<ApplicationsRepository, 'exists'> as ApplicationsRepository,
    sipUsers as Pick<SipUsersRepository, 'existsByUsername'> as SipUsersRepository,
    edge as Pick<EdgeSyncProducer, 'resetRouteCache'> as EdgeSyncProducer,
  );

  beforeEach(() => jest.clearAllMocks());

  it('creates a number and shows its route', async () => {
    repository.create.mockResolvedValue(phoneNumber({ carrierId: 'c1', routeType: 'sip-user', routeTarget: 'alice' }));
    const dto = await service.create('a1', {
      number: '+14155550100',
      carrierId: 'c1',
      route: { type: 'sip-user', target: 'alice' },
    });
    expect(repository.create).toHaveBeenCalledWith('a1', {
      number: '+14155550100',
      carrierId: 'c1',
      routeType: 'sip-user',
      routeTarget: 'alice',
    });
    expect(carriers.exists).toHaveBeenCalledWith('a1', 'c1');
    expect(sipUsers.existsByUsername).toHaveBeenCalledWith('a1', 'alice');
    expect(dto).toEqual({
      id: 'n1',
      number: '+14155550100',
      carrierId: 'c1',
      route: { type: 'sip-user', target: 'alice' },
      createdAt: at,
      updatedAt: at,
    });
  });

  it("refuses a carrier, SIP user or application that is not the account's, naming the fields", async () => {
    carriers.exists.mockResolvedValueOnce(false);
    sipUsers.existsByUsername.mockResolvedValueOnce(false);
    expect(
      await fieldsOf(
        service.create('a1', { number: '+14155550100', carrierId: 'c9', route: { type: 'sip-user', target: 'x' } }),
      ),
    ).toEqual(['carrierId', 'route.target']);
    applications.exists.mockResolvedValueOnce(false);
    expect(await fieldsOf(service.update('a1', 'n1', { route: { type: 'application', target: APP } }))).toEqual([
      'route.target',
    ]);
    expect(applications.exists).toHaveBeenCalledWith('a1', APP);
    expect(repository.create).not.toHaveBeenCalled();
    expect(repository.update).not.toHaveBeenCalled();
  });

  it('looks nothing up for client identities, SIP URIs and a null carrier', async () => {
    repository.update.mockResolvedValue(phoneNumber());
    await service.update('a1', 'n1', { carrierId: null, route: { type: 'sip-uri', target: 'sip:x@example.com' } });
    await service.update('a1', 'n1', { route: { type: 'client', target: 'bob' } });
    expect(carriers.exists).not.toHaveBeenCalled();
    expect(sipUsers.existsByUsername).not.toHaveBeenCalled();
    expect(applications.exists).not.toHaveBeenCalled();
    expect(repository.update).toHaveBeenCalledWith('a1', 'n1', {
      carrierId: null,
      routeType: 'sip-uri',
      routeTarget: 'sip:x@example.com',
    });
  });

  it('tells the edge to drop its cached routing decisions after every change, and only after one', async () => {
    repository.create.mockResolvedValue(phoneNumber());
    repository.update.mockResolvedValue(phoneNumber());
    repository.delete.mockResolvedValue(true);
    await service.create('a1', { number: '+14155550100', route: { type: 'sip-uri', target: 'sip:x@example.com' } });
    await service.update('a1', 'n1', { route: { type: 'client', target: 'bob' } });
    await service.delete('a1', 'n1');
    expect(edge.resetRouteCache).toHaveBeenCalledTimes(3);
    edge.resetRouteCache.mockClear();
    repository.update.mockResolvedValue(null);
    repository.delete.mockResolvedValue(false);
    await expect(service.update('a1', 'n9', { carrierId: null })).rejects.toBeInstanceOf(NotFoundProblemException);
    await expect(service.delete('a1', 'n9')).rejects.toBeInstanceOf(NotFoundProblemException);
    expect(edge.resetRouteCache).not.toHaveBeenCalled();
  });

  it('409 for a number in use, without naming its owner; a carrier deleted meanwhile is a field error', async () => {
    repository.create.mockRejectedValueOnce(
      new Prisma.PrismaClientKnownRequestError('dup', { code: 'P2002', clientVersion: 'x' }),
    );
    const body = { number: '+14155550100', carrierId: 'c1', route: { type: 'client' as const, target: 'bob' } };
    await expect(service.create('a1', body)).rejects.toBeInstanceOf(ConflictProblemException);
    repository.create.mockRejectedValueOnce(
      new Prisma.PrismaClientKnownRequestError('fk', { code: 'P2003', clientVersion: 'x' }),
    );
    expect(await fieldsOf(service.create('a1', body))).toEqual(['carrierId']);
  });

  it('lists with the number filter; 400 for an empty patch; 404 outside the account', async () => {
    repository.list.mockResolvedValue([phoneNumber()]);
    const page = await service.list('a1', { number: '+14155550100', limit: 5 });
    expect(repository.list).toHaveBeenCalledWith('a1', { limit: 5 }, '+14155550100');
    expect(page).toEqual({ data: [expect.objectContaining({ id: 'n1' })], nextCursor: null });

    await expect(service.update('a1', 'n1', {})).rejects.toBeInstanceOf(ProblemException);
    repository.findById.mockResolvedValue(null);
    repository.update.mockResolvedValue(null);
    repository.delete.mockResolvedValue(false);
    await expect(service.get('a1', 'n9')).rejects.toBeInstanceOf(NotFoundProblemException);
    await expect(service.update('a1', 'n9', { carrierId: null })).rejects.toBeInstanceOf(NotFoundProblemException);
    await expect(service.delete('a1', 'n9')).rejects.toBeInstanceOf(NotFoundProblemException);
  });
});
