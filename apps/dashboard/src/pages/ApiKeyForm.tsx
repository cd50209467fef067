import { useState } from 'react';
import { client, settle } from '../api/client';
import type { Account, CreatedApiKey } from '../api/types';
import { Field } from '../components/Field';
import { ProblemAlert } from '../components/ProblemAlert';
import { SecretBox } from '../components/SecretBox';
import { fieldsOf, useForm } from '../hooks/useForm';
import { fromDateTimeLocal } from '../lib/format';

interface Props {
  readonly account: Account;
  onClose(): void;
}

/** Admin: issue an API key for an account (POST /v1/accounts/:id/api-keys); the key is shown once. */
export function ApiKeyForm({ account, onClose }: Props) {
  const [name, setName] = useState('Dashboard');
  const [expiresAt, setExpiresAt] = useState('');
  const [issued, setIssued] = useState<CreatedApiKey | null>(null);
  const form = useForm(fieldsOf('name', 'expiresAt'));

  return (
    <section className="panel">
      <h2>API key for {account.name}</h2>
      {issued ? (
        <SecretBox
          label="New API key"
          value={issued.key}
          note="Shown only now: copy it and keep it safe. It signs in to the dashboard and calls the API."
          onDismiss={onClose}
        />
      ) : (
        <form
          noValidate
          onSubmit={form.submit(async () => {
            const expires = fromDateTimeLocal(expiresAt);
            setIssued(
              await settle(
                client.POST('/v1/accounts/{id}/api-keys', {
                  params: { path: { id: account.id } },
                  body: { name, ...(expires ? { expiresAt: expires } : {}) },
                }),
              ),
            );
          })}
        >
          <ProblemAlert problem={form.problem} errors={form.otherErrors} />
          <Field label="Key name" errors={form.errors('name')}>
            {(control) => (
              <input {...control} required value={name} onChange={(event) => setName(event.target.value)} />
            )}
          </Field>
          <Field label="Expires at" errors={form.errors('expiresAt')} hint="Optional: the key stops working then.">
            {(control) => (
              <input
                {...control}
                type="datetime-local"
                value={expiresAt}
                onChange={(event) => setExpiresAt(event.target.value)}
              />
            )}
          </Field>
          <div className="actions">
            <button type="submit" disabled={form.busy}>
              Issue key
            </button>
            <button type="button" className="secondary" onClick={onClose}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
