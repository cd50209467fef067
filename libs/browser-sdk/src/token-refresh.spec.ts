import { tokenRefreshDelayMs } from './token-refresh';

describe('tokenRefreshDelayMs', () => {
  const now = Date.UTC(2030, 0, 1);
  const expiresIn = (seconds: number) => now / 1000 + seconds;

  it('refreshes a long-lived token 60 s before it expires', () => {
    expect(tokenRefreshDelayMs(expiresIn(3600), now)).toBe(3540_000);
  });

  it('uses at least 80 % of a short-lived token’s lifetime', () => {
    expect(tokenRefreshDelayMs(expiresIn(120), now)).toBe(96_000);
    expect(tokenRefreshDelayMs(expiresIn(5), now)).toBe(4_000);
  });

  it('switches rules where both give the same time (300 s: 240 s either way)', () => {
    expect(tokenRefreshDelayMs(expiresIn(300), now)).toBe(240_000);
  });

  it('is due at once for an expired token', () => {
    expect(tokenRefreshDelayMs(expiresIn(0), now)).toBe(0);
    expect(tokenRefreshDelayMs(expiresIn(-30), now)).toBe(0);
  });

  it('never exceeds what setTimeout can wait', () => {
    expect(tokenRefreshDelayMs(expiresIn(365 * 24 * 3600), now)).toBe(2 ** 31 - 1);
  });
});
