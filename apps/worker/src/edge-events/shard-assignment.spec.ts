import { assignedPartitions } from './shard-assignment';

describe('assignedPartitions', () => {
  it('gives a lone worker everything', () => {
    expect(assignedPartitions(4, [], 'a')).toEqual([0, 1, 2, 3]);
  });

  it('splits fairly and without overlap, whoever computes it', () => {
    const live = ['w-b', 'w-a', 'w-c'];
    const shares = live.map((me) => assignedPartitions(17, live, me));
    expect(shares.flat().sort((x, y) => x - y)).toEqual(Array.from({ length: 17 }, (_, i) => i));
    expect(
      Math.max(...shares.map((share) => share.length)) - Math.min(...shares.map((s) => s.length)),
    ).toBeLessThanOrEqual(1);
  });

  it('counts the asking worker as live even before its first heartbeat is seen', () => {
    expect(assignedPartitions(4, ['b'], 'a')).toEqual([0, 2]);
    expect(assignedPartitions(4, ['a'], 'b')).toEqual([1, 3]);
  });
});
