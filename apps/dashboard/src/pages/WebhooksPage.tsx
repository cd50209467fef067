import { useState } from 'react';
import { Link } from 'react-router-dom';
import { client, settle } from '../api/client';
import type { WebhookEndpoint } from '../api/types';
import { Badge } from '../components/Badge';
import { ConfirmButton } from '../components/ConfirmButton';
import { ListStatus } from '../components/ListStatus';
import { LoadMore } from '../components/LoadMore';
import { ProblemAlert } from '../components/ProblemAlert';
import { SecretBox } from '../components/SecretBox';
import { TableWrap } from '../components/TableWrap';
import { useAction } from '../hooks/useAction';
import { usePagedList } from '../hooks/usePagedList';
import { WebhookForm } from './WebhookForm';

interface ShownSecret {
  readonly url: string;
  readonly secret: string;
}

/** Webhook endpoints; each links to its delivery log. */
export function WebhooksPage() {
  const endpoints = usePagedList('webhooks', (query) => settle(client.GET('/v1/webhooks', { params: { query } })));
  const action = useAction();
  const [editing, setEditing] = useState<WebhookEndpoint | null>(null);
  const [secret, setSecret] = useState<ShownSecret | null>(null);

  const setEnabled = (endpoint: WebhookEndpoint, enabled: boolean) =>
    action.run(`enable:${endpoint.id}`, async () => {
      await settle(client.PATCH('/v1/webhooks/{id}', { params: { path: { id: endpoint.id } }, body: { enabled } }));
      endpoints.refresh();
    });

  return (
    <>
      <h1>Webhooks</h1>
      <div className="panels">
        <WebhookForm
          key={editing?.id ?? 'new'}
          endpoint={editing}
          onCreated={(created) => {
            setSecret({ url: created.url, secret: created.secret });
            endpoints.refresh();
          }}
          onSaved={() => {
            setEditing(null);
            endpoints.refresh();
          }}
          onCancel={() => setEditing(null)}
        />
        {secret && (
          <section className="panel">
            <h2>Signing secret</h2>
            <p className="break">For {secret.url}</p>
            <SecretBox
              label="Signing secret"
              value={secret.secret}
              note="Shown only now: the receiver uses it to verify the webhook signatures."
              onDismiss={() => setSecret(null)}
            />
          </section>
        )}
      </div>

      <section>
        <h2>All webhooks</h2>
        <ProblemAlert problem={action.problem} />
        <ListStatus
          loading={endpoints.loading}
          problem={endpoints.problem}
          empty={endpoints.items.length === 0}
          emptyText="No webhooks yet."
        />
        {endpoints.items.length > 0 && (
          <TableWrap>
            <table>
              <thead>
                <tr>
                  <th scope="col">URL (deliveries)</th>
                  <th scope="col">Events</th>
                  <th scope="col">Description</th>
                  <th scope="col">Status</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {endpoints.items.map((endpoint) => (
                  <tr key={endpoint.id}>
                    <td className="break">
                      <Link to={`/webhooks/${endpoint.id}`}>{endpoint.url}</Link>
                    </td>
                    <td>{endpoint.events.join(', ')}</td>
                    <td>{endpoint.description ?? '—'}</td>
                    <td>
                      {endpoint.enabled ? <Badge tone="good">Enabled</Badge> : <Badge tone="neutral">Disabled</Badge>}
                      {endpoint.disabledReason && <div className="muted small">{endpoint.disabledReason}</div>}
                    </td>
                    <td className="actions">
                      <button type="button" className="secondary" onClick={() => setEditing(endpoint)}>
                        Edit
                      </button>
                      <button
                        type="button"
                        className="secondary"
                        disabled={action.running === `enable:${endpoint.id}`}
                        onClick={() => setEnabled(endpoint, !endpoint.enabled)}
                      >
                        {endpoint.enabled ? 'Disable' : 'Enable'}
                      </button>
                      <ConfirmButton
                        label="Rotate secret"
                        confirmLabel="Confirm rotate"
                        busy={action.running === `rotate:${endpoint.id}`}
                        onConfirm={() =>
                          action.run(`rotate:${endpoint.id}`, async () => {
                            const rotated = await settle(
                              client.POST('/v1/webhooks/{id}/rotate-secret', { params: { path: { id: endpoint.id } } }),
                            );
                            setSecret({ url: endpoint.url, secret: rotated.secret });
                          })
                        }
                      />
                      <ConfirmButton
                        label="Delete"
                        confirmLabel="Confirm delete"
                        busy={action.running === `delete:${endpoint.id}`}
                        onConfirm={() =>
                          action.run(`delete:${endpoint.id}`, async () => {
                            await settle(client.DELETE('/v1/webhooks/{id}', { params: { path: { id: endpoint.id } } }));
                            if (editing?.id === endpoint.id) setEditing(null);
                            endpoints.refresh();
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
        <LoadMore list={endpoints} />
      </section>
    </>
  );
}
