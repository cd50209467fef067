// The call history's filters: kept in the page's address (?status=…&from=…) and sent to GET /v1/calls.
import type { paths } from '../api/schema';
import { CALL_STATUSES, type CallStatus } from '../api/types';
import { fromDateTimeLocal } from './format';

export interface CallFilters {
  /** A call status, or "" for any. */
  readonly status: CallStatus | '';
  readonly from: string;
  readonly to: string;
  /** <input type="datetime-local"> values (local time), or "". */
  readonly startedAfter: string;
  readonly startedBefore: string;
}

const FILTER_NAMES = ['status', 'from', 'to', 'startedAfter', 'startedBefore'] as const;

export const NO_CALL_FILTERS: CallFilters = { status: '', from: '', to: '', startedAfter: '', startedBefore: '' };

export function filtersFromSearch(search: URLSearchParams): CallFilters {
  const status = search.get('status') ?? '';
  return {
    status: (CALL_STATUSES as readonly string[]).includes(status) ? (status as CallStatus) : '',
    from: search.get('from') ?? '',
    to: search.get('to') ?? '',
    startedAfter: search.get('startedAfter') ?? '',
    startedBefore: search.get('startedBefore') ?? '',
  };
}

/** The filters for the address bar: only those set. */
export function filtersToSearch(filters: CallFilters): URLSearchParams {
  const search = new URLSearchParams();
  for (const name of FILTER_NAMES) {
    const value = filters[name].trim();
    if (value) search.set(name, value);
  }
  return search;
}

export type CallQuery = Omit<NonNullable<paths['/v1/calls']['get']['parameters']['query']>, 'cursor' | 'limit'>;

/** The query of GET /v1/calls for the history: newest first, the URIs as typed, the times as ISO instants. */
export function callQuery(filters: CallFilters): CallQuery {
  return {
    order: 'desc',
    status: filters.status || undefined,
    from: filters.from.trim() || undefined,
    to: filters.to.trim() || undefined,
    startedAfter: fromDateTimeLocal(filters.startedAfter),
    startedBefore: fromDateTimeLocal(filters.startedBefore),
  };
}
