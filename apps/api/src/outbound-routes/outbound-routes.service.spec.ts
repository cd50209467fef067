import { Prisma } from '@callwire/database';
import { NotFoundProblemException, ProblemException, ValidationProblemException } from '../common/problem';
import type { CarriersRepository, OutboundRouteRecord, OutboundRoutesRepository } from '@callwire/database';
import { OutboundRoutesService } from './outbound-routes.service';

const at = new Date('2026-01-01T00:00:00Z');
const id = (n: number) => `01890000-0000-7000-8000-${String(n).padStart(12, '0')}`;

function route(overrides: Partial<OutboundRouteRecord> = {}): OutboundRouteRecord {
  return {
    id: id(1),
    accountId: 'a1',
    name: 'US',
    prefix: '+1',
    priority: 10,
    carrierId: 'c1',
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

describe('OutboundRoutesService', () => {
  const repository = { create: jest.fn(), list: jest.fn(), findById: jest.fn(), update: jest.fn(), delete: jest.fn() };
  const carriers = { exists: jest.fn(async () => true) };
  const service = new OutboundRoutesService(
    repository as Partial<OutboundRoutesRepository> as OutboundRoutesRepository,
    carriers as Pick<CarriersRepository, 'exists'> as CarriersRepository,
  );

  beforeEach(() => jest.clearAllMocks());

  it('creates a route of priority 10 by default, to a carrier of the account', async () => {
    repository.create.mockResolvedValue(route());
    const dto = await service.create('a1', { name: 'US', prefix: '+1', carrierId: 'c1' });
    expect(carriers.exists).toHaveBeenCalledWith('a1', 'c1');
    expect(repository.create).toHaveBeenCalledWith('a1', { name: 'US', prefix: '+1', priority: 10, carrierId: 'c1' });
    expect(dto).toEqual({
      id: id(1),
      name: 'US',
      prefix: '+1',
      priority: 10,
      carrierId: 'c1',
      createdAt: at,
      updatedAt: at,
    });
  });

  it("refuses a carrier that is not the account's (or has gone meanwhile) as a carrierId field error", async () => {
    carriers.exists.mockResolvedValueOnce(false);
    await expect(service.create('a1', { name: 'x', prefix: '', carrierId: 'c9' })).rejects.toMatchObject({
      problem: { errors: [{ field: 'carrierId' }] },
    });
    carriers.exists.mockResolvedValueOnce(false);
    await expect(service.update('a1', id(1), { carrierId: 'c9' })).rejects.toBeInstanceOf(ValidationProblemException);
    expect(repository.create).not.toHaveBeenCalled();
    expect(repository.update).not.toHaveBeenCalled();
    repository.create.mockRejectedValueOnce(
      new Prisma.PrismaClientKnownRequestError('fk', { code: 'P2003', clientVersion: 'x' }),
    );
    await expect(service.create('a1', { name: 'x', prefix: '', carrierId: 'c1' })).rejects.toBeInstanceOf(
      ValidationProblemException,
    );
  });

  it('pages with a cursor holding the order key of the last route shown', async () => {
    const rows = [
      route({ id: id(1), priority: 0, prefix: '+44' }),
      route({ id: id(2), prefix: '+1415' }),
      route({ id: id(3) }),
    ];
    repository.list.mockResolvedValue(rows);
    const first = await service.list('a1', { limit: 2 });
    expect(repository.list).toHaveBeenLastCalledWith('a1', { limit: 2 });
    expect(first.data.map((r) => r.id)).toEqual([id(1), id(2)]);
    expect(first.nextCursor).not.toBeNull();
    repository.list.mockResolvedValue([]);
    await service.list('a1', { limit: 2, cursor: first.nextCursor ?? '' });
    expect(repository.list).toHaveBeenLastCalledWith('a1', { limit: 2, after: [10, 5, id(2)] });
    await expect(
      service.list('a1', { cursor: Buffer.from('[10,5,"nope"]').toString('base64url') }),
    ).rejects.toBeInstanceOf(ValidationProblemException);
  });

  it('patches only the fields given; 400 for nothing; 404 outside the account', async () => {
    repository.update.mockResolvedValue(route({ priority: 3 }));
    await service.update('a1', id(1), { priority: 3 });
    expect(carriers.exists).not.toHaveBeenCalled();
    expect(repository.update).toHaveBeenCalledWith('a1', id(1), {
      name: undefined,
      prefix: undefined,
      priority: 3,
      carrierId: undefined,
    });
    await expect(service.update('a1', id(1), {})).rejects.toBeInstanceOf(ProblemException);

    repository.findById.mockResolvedValue(null);
    repository.update.mockResolvedValue(null);
    repository.delete.mockResolvedValue(false);
    await expect(service.get('a1', id(9))).rejects.toBeInstanceOf(NotFoundProblemException);
    await expect(service.update('a1', id(9), { name: 'x' })).rejects.toBeInstanceOf(NotFoundProblemException);
    await expect(service.delete('a1', id(9))).rejects.toBeInstanceOf(NotFoundProblemException);
  });
});
