import { type MediumDatabase, openMediumDatabase } from '../../../../test/support/medium-database';
import { EdgeBlocksRepository } from './edge-blocks.repository';

describe('EdgeBlocksRepository (PostgreSQL)', () => {
  let db: MediumDatabase;
  let repository: EdgeBlocksRepository;
  // Documentation addresses (RFC 5737/3849) of this spec only; the first octets keep them apart from other specs'.
  const ips = ['198.51.100.201', '198.51.100.202', '198.51.100.203', '2001:db8::cafe:1'];
  const now = new Date('2026-12-03T12:00:00.000Z');
  const at = (seconds: number) => new Date(now.getTime() + seconds * 1000);

  beforeAll(async () => {
    db = await openMediumDatabase();
    repository = new EdgeBlocksRepository(db.prisma);
    await db.prisma.edgeBlock.deleteMany({ where: { ip: { in: ips } } });
  });
  afterAll(() => db.close());

  it('keeps one row per source: a new block of the same source replaces the old one', async () => {
    await repository.save({ ip: ips[0]!, reason: 'auth', blockedAt: at(-60), expiresAt: at(60) });
    await repository.save({ ip: ips[0]!, reason: 'flood', blockedAt: at(-1), expiresAt: at(600) });

    const rows = await db.prisma.edgeBlock.findMany({ where: { ip: ips[0]! } });
    expect(rows).toEqual([{ ip: ips[0], reason: 'flood', blockedAt: at(-1), expiresAt: at(600) }]);
  });

  it('lists active blocks by address, a page after the last address shown', async () => {
    await repository.save({ ip: ips[1]!, reason: 'scanner', blockedAt: at(-5), expiresAt: at(30) });
    await repository.save({ ip: ips[2]!, reason: 'auth', blockedAt: at(-50), expiresAt: at(-1) });
    await repository.save({ ip: ips[3]!, reason: 'flood', blockedAt: at(-5), expiresAt: at(30) });
    const mine = (blocks: { ip: string }[]) => blocks.map((block) => block.ip).filter((ip) => ips.includes(ip));

    const all = await repository.listActive({ limit: 1000 }, now);
    expect(mine(all)).toEqual([ips[0], ips[1], ips[3]]); // 198.51.100.203 expired; text order puts IPv6 last
    expect(mine(await repository.listActive({ limit: 1000, after: ips[0] }, now))).toEqual([ips[1], ips[3]]);
    const first = await repository.listActive({ limit: 1 }, now);
    expect(first).toHaveLength(2); // limit + 1: another page exists
  });

  it('forgets expired blocks and lifts one by address (also one that is not there)', async () => {
    await repository.deleteExpired(now);
    expect(await db.prisma.edgeBlock.findUnique({ where: { ip: ips[2]! } })).toBeNull();
    expect(await db.prisma.edgeBlock.findUnique({ where: { ip: ips[1]! } })).not.toBeNull();

    await repository.delete(ips[1]!);
    await repository.delete(ips[1]!);
    expect(await db.prisma.edgeBlock.findUnique({ where: { ip: ips[1]! } })).toBeNull();
  });
});
