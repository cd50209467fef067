import { useState } from 'react';
import { client, settle } from '../api/client';
import { listSipUsers } from '../api/lists';
import type { ClientToken } from '../api/types';
import { DateTime } from '../components/DateTime';
import { Field } from '../components/Field';
import { ListStatus } from '../components/ListStatus';
import { LoadMore } from '../components/LoadMore';
import { NumberInput } from '../components/NumberInput';
import { ProblemAlert } from '../components/ProblemAlert';
import { SecretBox } from '../components/SecretBox';
import { TableWrap } from '../components/TableWrap';
import { useAction } from '../hooks/useAction';
import { fieldsOf, useForm } from '../hooks/useForm';
import { usePagedList } from '../hooks/usePagedList';
import { useResource } from '../hooks/useResource';
import { useOptions } from '../hooks/useOptions';
import { EMPTY_TOKEN_REQUEST, phonePageUrl, tokenRequestBody, tokenRows } from '../lib/clientToken';
import { type NumberText, readNumberField } from '../lib/numberFields';
import { useLiveRefresh } from '../live/LiveContext';
import { useSession } from '../session/SessionContext';
import { TokenRequestFields } from './TokenRequestFields';

/** Client tokens: short-lived credentials for browser phones (the Callwire browser SDK). */
export function ClientTokensPage() {
  const session = useSession();
  const sipUsers = useOptions('sip-users', listSipUsers);
  const tokens = usePagedList('client-tokens', (query) =>
    settle(client.GET('/v1/client-tokens', { params: { query } })),
  );
  const registrations = useResource('registrations', () =>
    settle(client.GET('/v1/registrations', { params: { query: { limit: 100 } } })),
  );
  useLiveRefresh(['registrations'], registrations.reload);
  const [request, setRequest] = useState(EMPTY_TOKEN_REQUEST);
  const [ttl, setTtl] = useState<NumberText>('');
  const [issued, setIssued] = useState<ClientToken | null>(null);
  const form = useForm(fieldsOf('sipUserId', 'identity', 'ttlSeconds'));
  const action = useAction();
  const rows = tokenRows(tokens.items, registrations.data?.data ?? []);

  const issue = form.submit(async () => {
    const token = await settle(
      client.POST('/v1/client-tokens', { body: tokenRequestBody(request, readNumberField(ttl, 'ttlSeconds')) }),
    );
    setIssued(token);
    tokens.refresh();
  });

  const revoke = (id: string) =>
    action.run(`revoke:${id}`, async () => {
      await settle(client.DELETE('/v1/client-tokens/{id}', { params: { path: { id } } }));
      if (issued?.id === id) setIssued(null);
      tokens.refresh();
      registrations.reload();
    });

  return (
    <>
      <h1>Client tokens</h1>
      <div className="panels">
        <section className="panel">
          <h2>Issue a token</h2>
          <form noValidate onSubmit={issue}>
            <ProblemAlert problem={form.problem ?? sipUsers.problem} errors={form.otherErrors} />
            <TokenRequestFields
              value={request}
              sipUsers={sipUsers.data ?? []}
              sipDomain={session.account?.sipDomain ?? ''}
              form={form}
              onChange={setRequest}
            />
            <Field
              label="Lifetime (seconds)"
              errors={form.errors('ttlSeconds')}
              hint="Optional: 60 to 86400 (default 3600)."
            >
              {(control) => (
                <NumberInput control={control} min={60} max={86400} placeholder="3600" value={ttl} onChange={setTtl} />
              )}
            </Field>
            <div className="actions">
              <button type="submit" disabled={form.busy}>
                Issue token
              </button>
            </div>
          </form>
        </section>

        {issued && (
          <section className="panel">
            <h2>Token for {issued.identity}</h2>
            <SecretBox
              label="Token"
              value={issued.token}
              note="Shown only now. Hand it to the browser SDK: Callwire.Phone.connect({ token })."
            />
            <dl className="details">
              <dt>SIP URI</dt>
              <dd>
                <code>{issued.sipUri}</code>
              </dd>
              <dt>WebSocket URL</dt>
              <dd>
                <code>{issued.wsUrl}</code>
              </dd>
              <dt>Expires</dt>
              <dd>
                <DateTime value={issued.expiresAt} />
              </dd>
            </dl>
            <p>
              <a href={phonePageUrl(issued.token)} target="_blank" rel="noopener noreferrer">
                Open the softphone with this token
              </a>
            </p>
          </section>
        )}
      </div>

      <section>
        <h2>Tokens</h2>
        <p className="muted">The account's tokens that still work: neither revoked nor expired.</p>
        <ProblemAlert problem={action.problem} />
        <ListStatus
          loading={tokens.loading}
          problem={tokens.problem ?? registrations.problem}
          empty={rows.length === 0}
          emptyText="No live tokens. Issue one above."
        />
        {rows.length > 0 && (
          <TableWrap>
            <table>
              <thead>
                <tr>
                  <th scope="col">Identity</th>
                  <th scope="col">SIP URI</th>
                  <th scope="col">Expires</th>
                  <th scope="col">Registered contacts</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.id}>
                    <td>{row.identity}</td>
                    <td>
                      <code>{row.sipUri}</code>
                    </td>
                    <td>
                      <DateTime value={row.expiresAt} />
                    </td>
                    <td>{row.contacts}</td>
                    <td className="actions">
                      <button
                        type="button"
                        className="danger-outline"
                        disabled={action.running === `revoke:${row.id}`}
                        onClick={() => revoke(row.id)}
                      >
                        Revoke
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
        <LoadMore list={tokens} />
      </section>
    </>
  );
}
