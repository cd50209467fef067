import { useState } from 'react';
import { client, settle } from '../api/client';
import { listCarriers } from '../api/lists';
import type { Carrier } from '../api/types';
import { Badge } from '../components/Badge';
import { ConfirmButton } from '../components/ConfirmButton';
import { DateTime } from '../components/DateTime';
import { ListStatus } from '../components/ListStatus';
import { LoadMore } from '../components/LoadMore';
import { ProblemAlert } from '../components/ProblemAlert';
import { TableWrap } from '../components/TableWrap';
import { useAction } from '../hooks/useAction';
import { usePagedList } from '../hooks/usePagedList';
import { gatewayHealthTone, registrationStateTone } from '../lib/status';
import { useLiveRefresh } from '../live/LiveContext';
import { CarrierForm } from './CarrierForm';

/** Carriers (SIP trunks) with their gateways' health and the edge's registration with them, kept live. */
export function CarriersPage() {
  const carriers = usePagedList('carriers', listCarriers);
  useLiveRefresh(['carriers'], carriers.refresh);
  const action = useAction();
  const [editing, setEditing] = useState<Carrier | null>(null);

  return (
    <>
      <h1>Carriers</h1>
      <div className="panels">
        <CarrierForm
          key={editing?.id ?? 'new'}
          carrier={editing}
          onDone={() => {
            setEditing(null);
            carriers.refresh();
          }}
          onCancel={() => setEditing(null)}
        />
      </div>

      <section>
        <h2>All carriers</h2>
        <ProblemAlert problem={action.problem} />
        <ListStatus
          loading={carriers.loading}
          problem={carriers.problem}
          empty={carriers.items.length === 0}
          emptyText="No carriers yet."
        />
        {carriers.items.length > 0 && (
          <TableWrap>
            <table>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Gateways</th>
                  <th scope="col">Registration</th>
                  <th scope="col">Inbound</th>
                  <th scope="col">Outbound</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {carriers.items.map((carrier) => (
                  <tr key={carrier.id}>
                    <td>
                      {carrier.name}
                      {!carrier.enabled && (
                        <>
                          {' '}
                          <Badge tone="neutral">Disabled</Badge>
                        </>
                      )}
                    </td>
                    <td>
                      <Gateways carrier={carrier} />
                    </td>
                    <td>
                      <Registration carrier={carrier} />
                    </td>
                    <td>
                      <div>
                        {carrier.inbound.allowedAddresses.length > 0
                          ? carrier.inbound.allowedAddresses.join(', ')
                          : 'No allowed addresses'}
                      </div>
                      {carrier.inbound.auth && <div className="muted">Digest: {carrier.inbound.auth.username}</div>}
                    </td>
                    <td>
                      {carrier.outbound.auth && <div>Digest: {carrier.outbound.auth.username}</div>}
                      {carrier.outbound.callerIdNumber && <div>Caller ID: {carrier.outbound.callerIdNumber}</div>}
                      {carrier.outbound.fromDomain && <div>From domain: {carrier.outbound.fromDomain}</div>}
                    </td>
                    <td className="actions">
                      <button type="button" className="secondary" onClick={() => setEditing(carrier)}>
                        Edit
                      </button>
                      <ConfirmButton
                        label="Delete"
                        confirmLabel="Confirm delete"
                        busy={action.running === `delete:${carrier.id}`}
                        onConfirm={() =>
                          action.run(`delete:${carrier.id}`, async () => {
                            await settle(client.DELETE('/v1/carriers/{id}', { params: { path: { id: carrier.id } } }));
                            if (editing?.id === carrier.id) setEditing(null);
                            carriers.refresh();
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
        <LoadMore list={carriers} />
      </section>
    </>
  );
}

function Gateways({ carrier }: { carrier: Carrier }) {
  if (carrier.outbound.gateways.length === 0) return <span className="muted">None</span>;
  return (
    <ul className="plain">
      {carrier.outbound.gateways.map((gateway) => (
        <li key={gateway.id}>
          <code>
            {gateway.transport}:{gateway.host.includes(':') ? `[${gateway.host}]` : gateway.host}:{gateway.port}
          </code>{' '}
          <Badge tone={gatewayHealthTone(gateway.health.status)}>{gateway.health.status}</Badge>
          <div className="muted small">
            priority {gateway.priority}, weight {gateway.weight}
            {gateway.health.lastResponse && <> · {gateway.health.lastResponse}</>}
            {gateway.health.lastCheckedAt && (
              <>
                {' '}
                · checked <DateTime value={gateway.health.lastCheckedAt} />
              </>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}

function Registration({ carrier }: { carrier: Carrier }) {
  const { register } = carrier.outbound;
  if (!register.enabled) return <span className="muted">Off</span>;
  return (
    <>
      <Badge tone={registrationStateTone(register.state)}>{register.state}</Badge>
      {register.detail && <div className="muted small">{register.detail}</div>}
      {register.expiresAt && (
        <div className="muted small">
          until <DateTime value={register.expiresAt} />
        </div>
      )}
    </>
  );
}
