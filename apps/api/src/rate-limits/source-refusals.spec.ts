import { SourceRefusals } from './source-refusals';

describe('SourceRefusals', () => {
  it('refuses a remembered source until its block or window ends, then forgets it', () => {
    const refusals = new SourceRefusals();
    refusals.remember('192.0.2.1', { reason: 'ip', limit: 20 }, 400, 1000);
    expect(refusals.check('192.0.2.1', 1100)).toEqual({ refusal: { reason: 'ip', limit: 20 }, leftMs: 300 });
    expect(refusals.check('192.0.2.2', 1100)).toBeUndefined();
    expect(refusals.check('192.0.2.1', 1400)).toBeUndefined();
    expect(refusals.check('192.0.2.1', 1000)).toBeUndefined();
  });

  it('a later answer replaces the earlier one (a block outlasts a window)', () => {
    const refusals = new SourceRefusals();
    refusals.remember('192.0.2.1', { reason: 'ip', limit: 20 }, 500, 0);
    refusals.remember('192.0.2.1', { reason: 'blocked' }, 120_000, 100);
    expect(refusals.check('192.0.2.1', 60_000)).toEqual({ refusal: { reason: 'blocked' }, leftMs: 60_100 });
  });

  it('ignores answers that refuse nothing', () => {
    const refusals = new SourceRefusals();
    refusals.remember('192.0.2.1', { reason: 'blocked' }, 0, 0);
    expect(refusals.check('192.0.2.1', 0)).toBeUndefined();
  });

  it('stays within its capacity: expired entries go first, then the oldest', () => {
    const refusals = new SourceRefusals(2);
    refusals.remember('192.0.2.1', { reason: 'blocked' }, 100, 0);
    refusals.remember('192.0.2.2', { reason: 'blocked' }, 10_000, 0);
    refusals.remember('192.0.2.3', { reason: 'blocked' }, 10_000, 200); // .1 has expired: it makes room
    expect(refusals.check('192.0.2.2', 300)).toBeDefined();
    expect(refusals.check('192.0.2.3', 300)).toBeDefined();
    refusals.remember('192.0.2.4', { reason: 'blocked' }, 10_000, 300); // none expired: .2, the oldest, goes
    expect(refusals.check('192.0.2.2', 400)).toBeUndefined();
    expect(refusals.check('192.0.2.3', 400)).toBeDefined();
    expect(refusals.check('192.0.2.4', 400)).toBeDefined();
  });
});
