import { useState } from 'react';
import { client, settle } from '../api/client';
import { ProblemAlert } from '../components/ProblemAlert';
import { useForm } from '../hooks/useForm';
import { listSipUsers } from '../api/lists';
import { useOptions } from '../hooks/useOptions';
import { EMPTY_TOKEN_REQUEST, phonePageUrl, tokenRequestBody } from '../lib/clientToken';
import { useSession } from '../session/SessionContext';
import { TokenRequestFields } from './TokenRequestFields';

interface Opened {
  readonly identity: string;
  readonly url: string;
}

/**
 * The demo softphone (/phone) in a new tab, registered as a SIP user or a client identity: a client token is
 * issued for it and passed as ?token= (the phone page cannot be framed, so it is not embedded here).
 */
export function SoftphonePage() {
  const session = useSession();
  const sipUsers = useOptions('sip-users', listSipUsers);
  const [request, setRequest] = useState(EMPTY_TOKEN_REQUEST);
  const [opened, setOpened] = useState<Opened | null>(null);
  const form = useForm((field) => field === 'sipUserId' || field === 'identity');

  const open = form.submit(async () => {
    const token = await settle(client.POST('/v1/client-tokens', { body: tokenRequestBody(request) }));
    const url = phonePageUrl(token.token);
    setOpened({ identity: token.identity, url });
    window.open(url, '_blank', 'noopener,noreferrer');
  });

  return (
    <>
      <h1>Softphone</h1>
      <p>
        Opens the Callwire demo phone in a new tab, signed in with a new client token: pick a SIP user, or type an
        identity for a browser client.
      </p>
      <div className="panels">
        <section className="panel">
          <h2>Open the softphone</h2>
          <form noValidate onSubmit={open}>
            <ProblemAlert problem={form.problem ?? sipUsers.problem} errors={form.otherErrors} />
            <TokenRequestFields
              value={request}
              sipUsers={sipUsers.data ?? []}
              sipDomain={session.account?.sipDomain ?? ''}
              form={form}
              onChange={setRequest}
            />
            <div className="actions">
              <button type="submit" disabled={form.busy}>
                Open softphone
              </button>
            </div>
          </form>
          {opened && (
            <p role="status">
              Opened in a new tab. If the browser blocked it:{' '}
              <a href={opened.url} target="_blank" rel="noopener noreferrer">
                Phone page for {opened.identity}
              </a>
            </p>
          )}
        </section>
      </div>
    </>
  );
}
