import { useState } from 'react';
import { client, settle } from '../api/client';
import { listApplications, listCarriers, listSipUsers } from '../api/lists';
import type { PhoneNumber } from '../api/types';
import { ConfirmButton } from '../components/ConfirmButton';
import { DateTime } from '../components/DateTime';
import { ListStatus } from '../components/ListStatus';
import { LoadMore } from '../components/LoadMore';
import { ProblemAlert } from '../components/ProblemAlert';
import { TableWrap } from '../components/TableWrap';
import { useAction } from '../hooks/useAction';
import { useOptions } from '../hooks/useOptions';
import { usePagedList } from '../hooks/usePagedList';
import { PhoneNumberForm, ROUTE_TYPE_LABELS } from './PhoneNumberForm';

/** Phone numbers (DIDs): the carrier each belongs to and where its calls are routed. */
export function PhoneNumbersPage() {
  const numbers = usePagedList('phone-numbers', (query) =>
    settle(client.GET('/v1/phone-numbers', { params: { query } })),
  );
  const carriers = useOptions('carriers', listCarriers);
  const applications = useOptions('applications', listApplications);
  const sipUsers = useOptions('sip-users', listSipUsers);
  const action = useAction();
  const [editing, setEditing] = useState<PhoneNumber | null>(null);

  const carrierName = (id: string | null) =>
    id ? (carriers.data?.find((carrier) => carrier.id === id)?.name ?? id) : '—';
  const targetName = (route: PhoneNumber['route']) =>
    route.type === 'application'
      ? (applications.data?.find((application) => application.id === route.target)?.name ?? route.target)
      : route.target;

  return (
    <>
      <h1>Phone numbers</h1>
      <div className="panels">
        <PhoneNumberForm
          key={editing?.id ?? 'new'}
          phoneNumber={editing}
          carriers={carriers.data ?? []}
          applications={applications.data ?? []}
          sipUsers={sipUsers.data ?? []}
          onDone={() => {
            setEditing(null);
            numbers.refresh();
          }}
          onCancel={() => setEditing(null)}
        />
      </div>

      <section>
        <h2>All phone numbers</h2>
        <ProblemAlert problem={action.problem ?? carriers.problem ?? applications.problem} />
        <ListStatus
          loading={numbers.loading}
          problem={numbers.problem}
          empty={numbers.items.length === 0}
          emptyText="No phone numbers yet."
        />
        {numbers.items.length > 0 && (
          <TableWrap>
            <table>
              <thead>
                <tr>
                  <th scope="col">Number</th>
                  <th scope="col">Carrier</th>
                  <th scope="col">Routes to</th>
                  <th scope="col">Created</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {numbers.items.map((phoneNumber) => (
                  <tr key={phoneNumber.id}>
                    <td>{phoneNumber.number}</td>
                    <td>{carrierName(phoneNumber.carrierId)}</td>
                    <td>
                      <span className="muted">{ROUTE_TYPE_LABELS[phoneNumber.route.type]}:</span>{' '}
                      {targetName(phoneNumber.route)}
                    </td>
                    <td>
                      <DateTime value={phoneNumber.createdAt} />
                    </td>
                    <td className="actions">
                      <button type="button" className="secondary" onClick={() => setEditing(phoneNumber)}>
                        Edit
                      </button>
                      <ConfirmButton
                        label="Delete"
                        confirmLabel="Confirm delete"
                        busy={action.running === `delete:${phoneNumber.id}`}
                        onConfirm={() =>
                          action.run(`delete:${phoneNumber.id}`, async () => {
                            await settle(
                              client.DELETE('/v1/phone-numbers/{id}', { params: { path: { id: phoneNumber.id } } }),
                            );
                            if (editing?.id === phoneNumber.id) setEditing(null);
                            numbers.refresh();
                          })
                        }
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
        <LoadMore list={numbers} />
      </section>
    </>
  );
}
