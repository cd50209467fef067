import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { client, settle } from '../api/client';
import type { Account } from '../api/types';
import { ConfirmButton } from '../components/ConfirmButton';
import { DateTime } from '../components/DateTime';
import { ListStatus } from '../components/ListStatus';
import { LoadMore } from '../components/LoadMore';
import { ProblemAlert } from '../components/ProblemAlert';
import { SearchBox } from '../components/SearchBox';
import { TableWrap } from '../components/TableWrap';
import { useAction } from '../hooks/useAction';
import { usePagedList } from '../hooks/usePagedList';
import { useSession, useSessionContext } from '../session/SessionContext';
import { ApiKeyForm } from './ApiKeyForm';
import { NewAccountForm } from './NewAccountForm';

/** Admin: the platform's accounts; Open switches the session into one. */
export function AccountsPage() {
  if (useSession().role === 'admin') return <AccountList />;
  return (
    <>
      <h1>Accounts</h1>
      <p>Only the platform admin manages accounts.</p>
    </>
  );
}

function AccountList() {
  const session = useSession();
  const { switchAccount } = useSessionContext();
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const accounts = usePagedList(`accounts ${search}`, (page) =>
    settle(client.GET('/v1/accounts', { params: { query: { ...(search ? { q: search } : {}), ...page } } })),
  );
  const action = useAction();
  const [keyFor, setKeyFor] = useState<Account | null>(null);

  const created = (account: Account) => {
    accounts.refresh();
    setKeyFor(account);
  };

  return (
    <>
      <h1>Accounts</h1>
      <div className="panels">
        {keyFor ? (
          <ApiKeyForm account={keyFor} onClose={() => setKeyFor(null)} />
        ) : (
          <NewAccountForm onCreated={created} />
        )}
      </div>

      <section aria-labelledby="all-accounts">
        <h2 id="all-accounts">All accounts</h2>
        <p className="muted">Newest first.</p>
        <SearchBox label="Search accounts" hint="Part of a name or SIP domain." onSearch={setSearch} />
        <ProblemAlert problem={action.problem} />
        <ListStatus
          loading={accounts.loading}
          problem={accounts.problem}
          empty={accounts.items.length === 0}
          emptyText={search ? `No account matches “${search}”.` : 'No accounts yet. Create the first one above.'}
        />
        {accounts.items.length > 0 && (
          <TableWrap>
            <table>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">SIP domain</th>
                  <th scope="col">Created</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {accounts.items.map((account) => (
                  <tr key={account.id} aria-current={session.account?.id === account.id ? 'true' : undefined}>
                    <td>
                      {account.name}
                      {session.account?.id === account.id && <span className="muted"> (current)</span>}
                    </td>
                    <td>{account.sipDomain}</td>
                    <td>
                      <DateTime value={account.createdAt} />
                    </td>
                    <td className="actions">
                      <button
                        type="button"
                        disabled={action.running !== null}
                        onClick={() =>
                          action.run(`open:${account.id}`, async () => {
                            await switchAccount(account.id);
                            navigate('/calls');
                          })
                        }
                      >
                        Open
                      </button>
                      <button type="button" className="secondary" onClick={() => setKeyFor(account)}>
                        Issue API key
                      </button>
                      <ConfirmButton
                        label="Delete"
                        confirmLabel="Confirm delete"
                        busy={action.running === `delete:${account.id}`}
                        onConfirm={() =>
                          action.run(`delete:${account.id}`, async () => {
                            await settle(client.DELETE('/v1/accounts/{id}', { params: { path: { id: account.id } } }));
                            if (keyFor?.id === account.id) setKeyFor(null);
                            accounts.refresh();
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
        <LoadMore list={accounts} />
      </section>
    </>
  );
}
