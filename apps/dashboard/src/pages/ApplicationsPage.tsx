import { useState } from 'react';
import { client, settle } from '../api/client';
import { listApplications } from '../api/lists';
import type { Application } from '../api/types';
import { ConfirmButton } from '../components/ConfirmButton';
import { ListStatus } from '../components/ListStatus';
import { LoadMore } from '../components/LoadMore';
import { ProblemAlert } from '../components/ProblemAlert';
import { SecretBox } from '../components/SecretBox';
import { TableWrap } from '../components/TableWrap';
import { useAction } from '../hooks/useAction';
import { usePagedList } from '../hooks/usePagedList';
import { ApplicationForm } from './ApplicationForm';

interface ShownSecret {
  readonly name: string;
  readonly secret: string;
}

/** Applications: programmable call handling (voice URL); their signing secret is shown once. */
export function ApplicationsPage() {
  const applications = usePagedList('applications', listApplications);
  const action = useAction();
  const [editing, setEditing] = useState<Application | null>(null);
  const [secret, setSecret] = useState<ShownSecret | null>(null);

  return (
    <>
      <h1>Applications</h1>
      <div className="panels">
        <ApplicationForm
          key={editing?.id ?? 'new'}
          application={editing}
          onCreated={(created) => {
            setSecret({ name: created.name, secret: created.signingSecret });
            applications.refresh();
          }}
          onSaved={() => {
            setEditing(null);
            applications.refresh();
          }}
          onCancel={() => setEditing(null)}
        />
        {secret && (
          <section className="panel">
            <h2>Signing secret of {secret.name}</h2>
            <SecretBox
              label="Signing secret"
              value={secret.secret}
              note="Shown only now: the application uses it to verify that requests come from Callwire."
              onDismiss={() => setSecret(null)}
            />
          </section>
        )}
      </div>

      <section>
        <h2>All applications</h2>
        <ProblemAlert problem={action.problem} />
        <ListStatus
          loading={applications.loading}
          problem={applications.problem}
          empty={applications.items.length === 0}
          emptyText="No applications yet."
        />
        {applications.items.length > 0 && (
          <TableWrap>
            <table>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Voice URL</th>
                  <th scope="col">Fallback URL</th>
                  <th scope="col">Status callback URL</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {applications.items.map((application) => (
                  <tr key={application.id}>
                    <td>{application.name}</td>
                    <td className="break">{application.voiceUrl}</td>
                    <td className="break">{application.fallbackUrl ?? '—'}</td>
                    <td className="break">{application.statusCallbackUrl ?? '—'}</td>
                    <td className="actions">
                      <button type="button" className="secondary" onClick={() => setEditing(application)}>
                        Edit
                      </button>
                      <ConfirmButton
                        label="Rotate secret"
                        confirmLabel="Confirm rotate"
                        busy={action.running === `rotate:${application.id}`}
                        onConfirm={() =>
                          action.run(`rotate:${application.id}`, async () => {
                            const rotated = await settle(
                              client.POST('/v1/applications/{id}/rotate-secret', {
                                params: { path: { id: application.id } },
                              }),
                            );
                            setSecret({ name: application.name, secret: rotated.signingSecret });
                          })
                        }
                      />
                      <ConfirmButton
                        label="Delete"
                        confirmLabel="Confirm delete"
                        busy={action.running === `delete:${application.id}`}
                        onConfirm={() =>
                          action.run(`delete:${application.id}`, async () => {
                            await settle(
                              client.DELETE('/v1/applications/{id}', { params: { path: { id: application.id } } }),
                            );
                            if (editing?.id === application.id) setEditing(null);
                            applications.refresh();
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
        <LoadMore list={applications} />
      </section>
    </>
  );
}
