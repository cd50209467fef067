import { Link, useParams } from 'react-router-dom';
import { client, settle } from '../api/client';
import type { WebhookDelivery } from '../api/types';
import { Badge } from '../components/Badge';
import { DateTime } from '../components/DateTime';
import { ListStatus } from '../components/ListStatus';
import { LoadMore } from '../components/LoadMore';
import { ProblemAlert } from '../components/ProblemAlert';
import { TableWrap } from '../components/TableWrap';
import { useAction } from '../hooks/useAction';
import { usePagedList } from '../hooks/usePagedList';
import { useResource } from '../hooks/useResource';
import { deliveryStateTone } from '../lib/status';
import { useLiveRefresh } from '../live/LiveContext';

/** One webhook endpoint's delivery log (newest first), kept live, with Replay. */
export function WebhookDeliveriesPage() {
  const id = useParams().id ?? '';
  const endpoint = useResource(`webhook ${id}`, () =>
    settle(client.GET('/v1/webhooks/{id}', { params: { path: { id } } })),
  );
  const deliveries = usePagedList(`webhook-deliveries ${id}`, (query) =>
    settle(client.GET('/v1/webhooks/{id}/deliveries', { params: { path: { id }, query } })),
  );
  useLiveRefresh(['webhook-deliveries'], deliveries.refresh);
  const action = useAction();

  const replay = (delivery: WebhookDelivery) =>
    action.run(`replay:${delivery.id}`, async () => {
      await settle(client.POST('/v1/webhook-deliveries/{id}/replay', { params: { path: { id: delivery.id } } }));
      deliveries.refresh();
    });

  return (
    <>
      <p>
        <Link to="/webhooks">← All webhooks</Link>
      </p>
      <h1>Webhook deliveries</h1>
      <ProblemAlert problem={endpoint.problem} />
      {endpoint.data && (
        <dl className="details">
          <dt>URL</dt>
          <dd className="break">{endpoint.data.url}</dd>
          <dt>Events</dt>
          <dd>{endpoint.data.events.join(', ')}</dd>
          <dt>Status</dt>
          <dd>
            {endpoint.data.enabled ? 'Enabled' : 'Disabled'}
            {endpoint.data.disabledReason && ` (${endpoint.data.disabledReason})`}
          </dd>
        </dl>
      )}

      <section>
        <h2>Deliveries</h2>
        <ProblemAlert problem={action.problem} />
        <ListStatus
          loading={deliveries.loading}
          problem={deliveries.problem}
          empty={deliveries.items.length === 0}
          emptyText="No deliveries yet."
        />
        {deliveries.items.length > 0 && (
          <TableWrap>
            <table>
              <thead>
                <tr>
                  <th scope="col">Event type</th>
                  <th scope="col">State</th>
                  <th scope="col">Attempts</th>
                  <th scope="col">Last response</th>
                  <th scope="col">Next attempt</th>
                  <th scope="col">Created</th>
                  <th scope="col">Updated</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {deliveries.items.map((delivery) => (
                  <tr key={delivery.id}>
                    <td>
                      {delivery.eventType}
                      <div className="muted small">
                        <code>{delivery.eventId}</code>
                      </div>
                    </td>
                    <td>
                      <Badge tone={deliveryStateTone(delivery.state)}>{delivery.state}</Badge>
                    </td>
                    <td>{delivery.attempts}</td>
                    <td>
                      {delivery.lastStatusCode !== null && <div>HTTP {delivery.lastStatusCode}</div>}
                      {delivery.lastError && <div>{delivery.lastError}</div>}
                      {delivery.lastLatencyMs !== null && (
                        <div className="muted small">{delivery.lastLatencyMs} ms</div>
                      )}
                      {delivery.lastStatusCode === null && !delivery.lastError && '—'}
                    </td>
                    <td>
                      <DateTime value={delivery.nextAttemptAt} />
                    </td>
                    <td>
                      <DateTime value={delivery.createdAt} />
                    </td>
                    <td>
                      <DateTime value={delivery.updatedAt} />
                    </td>
                    <td className="actions">
                      <button
                        type="button"
                        className="secondary"
                        disabled={action.running === `replay:${delivery.id}`}
                        onClick={() => replay(delivery)}
                      >
                        Replay
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
        <LoadMore list={deliveries} />
      </section>
    </>
  );
}
