import { toPage, toPageRequest } from './pagination';
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
