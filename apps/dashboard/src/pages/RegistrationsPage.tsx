import { client, settle } from '../api/client';
import { DateTime } from '../components/DateTime';
import { ListStatus } from '../components/ListStatus';
import { TableWrap } from '../components/TableWrap';
import { useResource } from '../hooks/useResource';
import { useLiveRefresh } from '../live/LiveContext';

/** The account's devices registered at the SIP edge right now: one row per contact, kept live. */
export function RegistrationsPage() {
  const registrations = useResource('registrations', () =>
    settle(client.GET('/v1/registrations', { params: { query: { limit: 100 } } })),
  );
  useLiveRefresh(['registrations'], registrations.reload);
  const rows = registrations.data?.data ?? [];

  return (
    <>
      <h1>Registrations</h1>
      <ListStatus
        loading={registrations.loading}
        problem={registrations.problem}
        empty={rows.length === 0}
        emptyText="No devices are registered."
      />
      {rows.length > 0 && (
        <TableWrap>
          <table>
            <thead>
              <tr>
                <th scope="col">Address of record</th>
                <th scope="col">Registered as</th>
                <th scope="col">Contact</th>
                <th scope="col">Transport</th>
                <th scope="col">Source address</th>
                <th scope="col">User agent</th>
                <th scope="col">Expires</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((registration) => (
                <tr key={`${registration.aor} ${registration.contact}`}>
                  <td className="break">
                    <code>{registration.aor}</code>
                  </td>
                  <td>
                    {registration.sipUserId
                      ? 'SIP user'
                      : registration.identity
                        ? `Client ${registration.identity}`
                        : '—'}
                  </td>
                  <td className="break">
                    <code>{registration.contact}</code>
                  </td>
                  <td>{registration.transport}</td>
                  <td>{registration.sourceAddress ?? '—'}</td>
                  <td className="break">{registration.userAgent || '—'}</td>
                  <td>
                    <DateTime value={registration.expiresAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </>
  );
}
