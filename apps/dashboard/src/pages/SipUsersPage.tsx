import { useState } from 'react';
import { client, settle } from '../api/client';
import { listSipUsers } from '../api/lists';
import type { SipUser } from '../api/types';
import { Badge } from '../components/Badge';
import { ConfirmButton } from '../components/ConfirmButton';
import { DateTime } from '../components/DateTime';
import { ListStatus } from '../components/ListStatus';
import { LoadMore } from '../components/LoadMore';
import { ProblemAlert } from '../components/ProblemAlert';
import { TableWrap } from '../components/TableWrap';
import { useAction } from '../hooks/useAction';
import { usePagedList } from '../hooks/usePagedList';
import { SipUserForm } from './SipUserForm';

/** SIP users: devices and softphones that register with a username and password. */
export function SipUsersPage() {
  const users = usePagedList('sip-users', listSipUsers);
  const action = useAction();
  const [editing, setEditing] = useState<SipUser | null>(null);

  const setEnabled = (user: SipUser, enabled: boolean) =>
    action.run(`enable:${user.id}`, async () => {
      await settle(client.PATCH('/v1/sip-users/{id}', { params: { path: { id: user.id } }, body: { enabled } }));
      users.refresh();
    });

  return (
    <>
      <h1>SIP users</h1>
      <div className="panels">
        <SipUserForm
          key={editing?.id ?? 'new'}
          user={editing}
          onDone={() => {
            setEditing(null);
            users.refresh();
          }}
          onCancel={() => setEditing(null)}
        />
      </div>

      <section>
        <h2>All SIP users</h2>
        <ProblemAlert problem={action.problem} />
        <ListStatus
          loading={users.loading}
          problem={users.problem}
          empty={users.items.length === 0}
          emptyText="No SIP users yet."
        />
        {users.items.length > 0 && (
          <TableWrap>
            <table>
              <thead>
                <tr>
                  <th scope="col">Username</th>
                  <th scope="col">Display name</th>
                  <th scope="col">SIP URI</th>
                  <th scope="col">Status</th>
                  <th scope="col">Created</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {users.items.map((user) => (
                  <tr key={user.id}>
                    <td>{user.username}</td>
                    <td>{user.displayName ?? '—'}</td>
                    <td>
                      <code>{user.sipUri}</code>
                    </td>
                    <td>
                      {user.enabled ? <Badge tone="good">Enabled</Badge> : <Badge tone="neutral">Disabled</Badge>}
                    </td>
                    <td>
                      <DateTime value={user.createdAt} />
                    </td>
                    <td className="actions">
                      <button type="button" className="secondary" onClick={() => setEditing(user)}>
                        Edit
                      </button>
                      <button
                        type="button"
                        className="secondary"
                        disabled={action.running === `enable:${user.id}`}
                        onClick={() => setEnabled(user, !user.enabled)}
                      >
                        {user.enabled ? 'Disable' : 'Enable'}
                      </button>
                      <ConfirmButton
                        label="Delete"
                        confirmLabel="Confirm delete"
                        busy={action.running === `delete:${user.id}`}
                        onConfirm={() =>
                          action.run(`delete:${user.id}`, async () => {
                            await settle(client.DELETE('/v1/sip-users/{id}', { params: { path: { id: user.id } } }));
                            if (editing?.id === user.id) setEditing(null);
                            users.refresh();
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
        <LoadMore list={users} />
      </section>
    </>
  );
}
