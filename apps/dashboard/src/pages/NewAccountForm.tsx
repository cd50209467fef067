import { useState } from 'react';
import { client, settle } from '../api/client';
import type { Account } from '../api/types';
import { Field } from '../components/Field';
import { ProblemAlert } from '../components/ProblemAlert';
import { fieldsOf, useForm } from '../hooks/useForm';

export function NewAccountForm({ onCreated }: { onCreated(account: Account): void }) {
  const [name, setName] = useState('');
  const [sipDomain, setSipDomain] = useState('');
  const form = useForm(fieldsOf('name', 'sipDomain'));

  return (
    <section className="panel">
      <h2>New account</h2>
      <form
        noValidate
        onSubmit={form.submit(async () => {
          const account = await settle(
            client.POST('/v1/accounts', {
              body: { name, ...(sipDomain.trim() ? { sipDomain: sipDomain.trim() } : {}) },
            }),
          );
          setName('');
          setSipDomain('');
          onCreated(account);
        })}
      >
        <ProblemAlert problem={form.problem} errors={form.otherErrors} />
        <Field label="Name" errors={form.errors('name')}>
          {(control) => <input {...control} required value={name} onChange={(event) => setName(event.target.value)} />}
        </Field>
        <Field
          label="SIP domain"
          errors={form.errors('sipDomain')}
          hint="Optional: the account's SIP domain and digest realm (derived from the name when empty)."
        >
          {(control) => (
            <input
              {...control}
              placeholder="acme.sip.example.com"
              value={sipDomain}
              onChange={(event) => setSipDomain(event.target.value)}
            />
          )}
        </Field>
        <div className="actions">
          <button type="submit" disabled={form.busy}>
            Create
          </button>
        </div>
      </form>
    </section>
  );
}
