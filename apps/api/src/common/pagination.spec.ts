import { toKeysetPage, toKeysetPageRequest, toPage, toPageRequest } from './pagination';
import { ValidationProblemException } from './problem';

const id = (n: number) => `01890000-0000-7000-8000-${String(n).padStart(12, '0')}`;

describe('cursor pagination', () => {
  it('defaults to 20 and round-trips the cursor of the last row', () => {
    const request = toPageRequest({});
    expect(request).toEqual({ limit: 20 });
    const rows = Array.from({ length: 21 }, (_, i) => ({ id: id(i) }));
    const page = toPage(rows, request, (row) => row.id);
    expect(page.data).toHaveLength(20);
    expect(toPageRequest({ cursor: page.nextCursor ?? undefined, limit: 5 })).toEqual({ limit: 5, afterId: id(19) });
  });

  it('has no next cursor on the last page', () => {
    expect(toPage([{ id: id(1) }], { limit: 2 }, (row) => row.id)).toEqual({ data: [id(1)], nextCursor: null });
  });

  it('rejects cursors that do not decode to an id', () => {
    expect(() => toPageRequest({ cursor: 'garbage' })).toThrow(ValidationProblemException);
  });
});

describe('keyset pagination', () => {
  const isKey = (value: unknown): value is [number, string] =>
    Array.isArray(value) && value.length === 2 && typeof value[0] === 'number' && typeof value[1] === 'string';
  const rows = Array.from({ length: 6 }, (_, i) => ({ rank: 10 - i, id: id(i) }));
  const keyOf = (row: { rank: number; id: string }): [number, string] => [row.rank, row.id];

  it('round-trips the sort key of the last row shown', () => {
    const request = toKeysetPageRequest({ limit: 5 }, isKey);
    expect(request).toEqual({ limit: 5 });
    const page = toKeysetPage(rows, request, keyOf, (row) => row.id);
    expect(page.data).toEqual(rows.slice(0, 5).map((row) => row.id));
    expect(toKeysetPageRequest({ limit: 5, cursor: page.nextCursor ?? undefined }, isKey)).toEqual({
      limit: 5,
      after: [6, id(4)],
    });
    expect(toKeysetPage(rows.slice(0, 5), request, keyOf, (row) => row.id).nextCursor).toBeNull();
  });

  it('rejects cursors that do not decode to a key', () => {
    for (const cursor of [
      'garbage',
      Buffer.from('{"rank":1}').toString('base64url'),
      Buffer.from('[1]').toString('base64url'),
    ]) {
      expect(() => toKeysetPageRequest({ cursor }, isKey)).toThrow(ValidationProblemException);
    }
  });
});
