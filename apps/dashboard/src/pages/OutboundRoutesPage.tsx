import { useState } from 'react';
import { client, settle } from '../api/client';
import { listCarriers } from '../api/lists';
import type { OutboundRoute } from '../api/types';
import { ConfirmButton } from '../components/ConfirmButton';
import { ListStatus } from '../components/ListStatus';
import { LoadMore } from '../components/LoadMore';
import { ProblemAlert } from '../components/ProblemAlert';
import { TableWrap } from '../components/TableWrap';
import { useAction } from '../hooks/useAction';
import { useOptions } from '../hooks/useOptions';
import { usePagedList } from '../hooks/usePagedList';
import { OutboundRouteForm } from './OutboundRouteForm';

/** Outbound routes, in the order they are tried: by priority, then the longest prefix first. */
export function OutboundRoutesPage() {
  const routes = usePagedList('outbound-routes', (query) =>
    settle(client.GET('/v1/outbound-routes', { params: { query } })),
  );
  const carriers = useOptions('carriers', listCarriers);
  const action = useAction();
  const [editing, setEditing] = useState<OutboundRoute | null>(null);
  const carrierName = (id: string) => carriers.data?.find((carrier) => carrier.id === id)?.name ?? id;

  return (
    <>
      <h1>Outbound routes</h1>
      <div className="panels">
        <OutboundRouteForm
          key={editing?.id ?? 'new'}
          route={editing}
          carriers={carriers.data ?? []}
          onDone={() => {
            setEditing(null);
            routes.refresh();
          }}
          onCancel={() => setEditing(null)}
        />
      </div>

      <section>
        <h2>All outbound routes</h2>
        <p className="muted">In the order they are tried: by priority, then the longest prefix first.</p>
        <ProblemAlert problem={action.problem ?? carriers.problem} />
        <ListStatus
          loading={routes.loading}
          problem={routes.problem}
          empty={routes.items.length === 0}
          emptyText="No outbound routes yet."
        />
        {routes.items.length > 0 && (
          <TableWrap>
            <table>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Prefix</th>
                  <th scope="col">Priority</th>
                  <th scope="col">Carrier</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {routes.items.map((route) => (
                  <tr key={route.id}>
                    <td>{route.name}</td>
                    <td>{route.prefix === '' ? <span className="muted">any number</span> : route.prefix}</td>
                    <td>{route.priority}</td>
                    <td>{carrierName(route.carrierId)}</td>
                    <td className="actions">
                      <button type="button" className="secondary" onClick={() => setEditing(route)}>
                        Edit
                      </button>
                      <ConfirmButton
                        label="Delete"
                        confirmLabel="Confirm delete"
                        busy={action.running === `delete:${route.id}`}
                        onConfirm={() =>
                          action.run(`delete:${route.id}`, async () => {
                            await settle(
                              client.DELETE('/v1/outbound-routes/{id}', { params: { path: { id: route.id } } }),
                            );
                            if (editing?.id === route.id) setEditing(null);
                            routes.refresh();
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
        <LoadMore list={routes} />
      </section>
    </>
  );
}
