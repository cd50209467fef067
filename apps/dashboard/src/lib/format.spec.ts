import { formatDateTime, formatDuration, formatElapsed, formatRetention, fromDateTimeLocal } from './format';

describe('formatDateTime', () => {
  it('shows a local date and time, to the second', () => {
    const date = new Date(2026, 10, 21, 9, 5, 7);
    expect(formatDateTime(date.toISOString())).toBe('2026-11-21 09:05:07');
  });

  it('shows a dash for nothing', () => {
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime('not a date')).toBe('—');
  });
});

describe('formatRetention', () => {
  it('says days when the hours make whole days', () => {
    expect([72, 24, 36, 1].map(formatRetention)).toEqual(['3 days', '1 day', '36 hours', '1 hour']);
  });
});

describe('formatElapsed', () => {
  it('shows milliseconds with one decimal under a second, then seconds', () => {
    expect(formatElapsed(0)).toBe('+0.0 ms');
    expect(formatElapsed(12.34)).toBe('+12.3 ms');
    expect(formatElapsed(999.94)).toBe('+999.9 ms');
    expect(formatElapsed(1234.5)).toBe('+1.234 s');
  });
});

describe('formatDuration', () => {
  it('shows minutes and seconds, and hours when there are any', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(7_400)).toBe('0:07');
    expect(formatDuration(754_000)).toBe('12:34');
    expect(formatDuration(3_723_000)).toBe('1:02:03');
    expect(formatDuration(null)).toBe('—');
  });
});

describe('fromDateTimeLocal', () => {
  it('reads the value as local time', () => {
    expect(fromDateTimeLocal('2026-11-21T14:05')).toBe(new Date(2026, 10, 21, 14, 5).toISOString());
  });

  it('has no instant for an empty or invalid value', () => {
    expect(fromDateTimeLocal('')).toBeUndefined();
    expect(fromDateTimeLocal('garbage')).toBeUndefined();
  });
});
