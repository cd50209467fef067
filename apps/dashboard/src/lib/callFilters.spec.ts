import { NO_CALL_FILTERS, callQuery, filtersFromSearch, filtersToSearch } from './callFilters';

describe('call filters in the address', () => {
  it('round-trip, leaving out the empty ones', () => {
    const filters = { ...NO_CALL_FILTERS, status: 'in-progress' as const, from: 'sip:alice@acme.example' };
    const search = filtersToSearch(filters);
    expect(search.toString()).toBe('status=in-progress&from=sip%3Aalice%40acme.example');
    expect(filtersFromSearch(search)).toEqual(filters);
  });

  it('ignore an unknown status', () => {
    expect(filtersFromSearch(new URLSearchParams('status=bogus')).status).toBe('');
  });
});

describe('callQuery', () => {
  it('asks for the newest first, the times as ISO instants and nothing for empty filters', () => {
    expect(callQuery(NO_CALL_FILTERS)).toEqual({
      order: 'desc',
      status: undefined,
      from: undefined,
      to: undefined,
      startedAfter: undefined,
      startedBefore: undefined,
    });
    expect(
      callQuery({ ...NO_CALL_FILTERS, status: 'busy', to: ' sip:bob@acme.example ', startedAfter: '2026-11-21T14:05' }),
    ).toEqual({
      order: 'desc',
      status: 'busy',
      from: undefined,
      to: 'sip:bob@acme.example',
      startedAfter: new Date(2026, 10, 21, 14, 5).toISOString(),
      startedBefore: undefined,
    });
  });
});
