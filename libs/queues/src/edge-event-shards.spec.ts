import { edgeEventShard, isValidShardCount } from './edge-event-shards';

describe('edgeEventShard', () => {
  // Printed by Kamailio 5.6.3 itself: xlog("$(var(k){s.corehash,16})|$(var(k){s.corehash,1024})").
  it.each([
    ['1-9508@127.0.0.1', 11, 843],
    ['abc', 2, 834],
    ['bob@acme.example', 13, 1021],
    ['203.0.113.7', 2, 722],
    ['a3f0c2d1-77aa-4b1c-9e2f-0d9c8b7a6e5f@10.0.0.1', 1, 1],
    ['ünïcødé-ÿ@x', 12, 604],
    ['x', 7, 119],
  ])('hashes %s as the edge does', (key, of16, of1024) => {
    expect(edgeEventShard(key, 16)).toBe(of16);
    expect(edgeEventShard(key, 1024)).toBe(of1024);
    expect(edgeEventShard(key, 1)).toBe(0);
  });

  it('takes only powers of two up to 1024', () => {
    expect([1, 2, 16, 1024].every(isValidShardCount)).toBe(true);
    expect([0, 3, 12, 2048, 1.5].some(isValidShardCount)).toBe(false);
    expect(() => edgeEventShard('x', 12)).toThrow(/power of two/);
  });
});
