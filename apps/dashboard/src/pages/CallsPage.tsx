import { useSearchParams } from 'react-router-dom';
import { client, settle } from '../api/client';
import { ACTIVE_CALL_STATUSES, type Call } from '../api/types';
import { Badge } from '../components/Badge';
import { CallLink } from '../components/CallLink';
import { DateTime } from '../components/DateTime';
import { HangUpButton } from '../components/HangUpButton';
import { ListStatus } from '../components/ListStatus';
import { LoadMore } from '../components/LoadMore';
import { ProblemAlert } from '../components/ProblemAlert';
import { TableWrap } from '../components/TableWrap';
import { useAction } from '../hooks/useAction';
import { usePagedList } from '../hooks/usePagedList';
import { useResource } from '../hooks/useResource';
import { callQuery, filtersFromSearch, filtersToSearch } from '../lib/callFilters';
import { formatDuration } from '../lib/format';
import { callStatusTone } from '../lib/status';
import { useLiveRefresh } from '../live/LiveContext';
import { CallFiltersForm } from './CallFiltersForm';

/** The calls going on now (one request per active status, the API filters by one). */
async function activeCalls(): Promise<Call[]> {
  const pages = await Promise.all(
    ACTIVE_CALL_STATUSES.map((status) =>
      settle(client.GET('/v1/calls', { params: { query: { status, limit: 100 } } })),
    ),
  );
  return pages.flatMap((page) => page.data).sort((a, b) => b.startedAt.localeCompare(a.startedAt));
}

/** Active calls (live, with Hang up) and the call history (filters, Load more). */
export function CallsPage() {
  const [search, setSearch] = useSearchParams();
  const filters = filtersFromSearch(search);
  const active = useResource('active-calls', activeCalls);
  const query = callQuery(filters);
  const history = usePagedList(`calls ${JSON.stringify(query)}`, (page) =>
    settle(client.GET('/v1/calls', { params: { query: { ...query, ...page } } })),
  );
  const action = useAction();
  useLiveRefresh(['calls'], () => {
    active.reload();
    history.refresh();
  });
  const activeRows = active.data ?? [];

  return (
    <>
      <h1>Calls</h1>
      <section aria-labelledby="active-calls">
        <h2 id="active-calls">Active calls</h2>
        <ProblemAlert problem={action.problem} />
        <ListStatus
          loading={active.loading}
          problem={active.problem}
          empty={activeRows.length === 0}
          emptyText="No calls right now."
        />
        {activeRows.length > 0 && (
          <TableWrap>
            <table>
              <thead>
                <tr>
                  <th scope="col">Call</th>
                  <th scope="col">Status</th>
                  <th scope="col">Direction</th>
                  <th scope="col">Started</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {activeRows.map((call) => (
                  <tr key={call.id}>
                    <td className="break">
                      <CallLink call={call} />
                    </td>
                    <td>
                      <Badge tone={callStatusTone(call.status)}>{call.status}</Badge>
                    </td>
                    <td>{call.direction}</td>
                    <td>
                      <DateTime value={call.startedAt} />
                    </td>
                    <td className="actions">
                      <HangUpButton call={call} action={action} onDone={active.reload} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </section>

      <section aria-labelledby="call-history">
        <h2 id="call-history">Call history</h2>
        <CallFiltersForm
          key={search.toString()}
          filters={filters}
          onApply={(next) => setSearch(filtersToSearch(next))}
        />
        <ListStatus
          loading={history.loading}
          problem={history.problem}
          empty={history.items.length === 0}
          emptyText="No calls match."
        />
        {history.items.length > 0 && (
          <TableWrap>
            <table>
              <thead>
                <tr>
                  <th scope="col">Call</th>
                  <th scope="col">Status</th>
                  <th scope="col">SIP status</th>
                  <th scope="col">Direction</th>
                  <th scope="col">Started</th>
                  <th scope="col">Duration</th>
                </tr>
              </thead>
              <tbody>
                {history.items.map((call) => (
                  <tr key={call.id}>
                    <td className="break">
                      <CallLink call={call} />
                    </td>
                    <td>
                      <Badge tone={callStatusTone(call.status)}>{call.status}</Badge>
                    </td>
                    <td>{call.sipStatus ?? '—'}</td>
                    <td>{call.direction}</td>
                    <td>
                      <DateTime value={call.startedAt} />
                    </td>
                    <td>{formatDuration(call.durationMs)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
        <LoadMore list={history} />
      </section>
    </>
  );
}
