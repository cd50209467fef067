import { useState } from 'react';
import { client, settle } from '../api/client';
import type { DtmfMode, SipUser, SrtpPolicy } from '../api/types';
import { Field } from '../components/Field';
import { ProblemAlert } from '../components/ProblemAlert';
import { DtmfField } from '../components/DtmfField';
import { SrtpField } from '../components/SrtpField';
import { FormActions } from '../components/FormActions';
import { fieldsOf, useForm } from '../hooks/useForm';

interface Props {
  /** The user to edit, or null for a new one. */
  readonly user: SipUser | null;
  onDone(): void;
  onCancel(): void;
}

/** "New SIP user" (username, password, display name), or editing one (display name, enabled, new password). */
export function SipUserForm({ user, onDone, onCancel }: Props) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [displayName, setDisplayName] = useState(user?.displayName ?? '');
  const [enabled, setEnabled] = useState(user?.enabled ?? true);
  // New users default to offering SRTP, like the API.
  const [srtp, setSrtp] = useState<SrtpPolicy>(user?.srtp ?? 'offer');
  const [dtmf, setDtmf] = useState<DtmfMode>(user?.dtmf ?? 'rfc4733');
  const form = useForm(fieldsOf('username', 'password', 'displayName', 'enabled', 'srtp', 'dtmf'));

  const save = form.submit(async () => {
    if (user) {
      await settle(
        client.PATCH('/v1/sip-users/{id}', {
          params: { path: { id: user.id } },
          body: { displayName: displayName.trim() || null, enabled, srtp, dtmf, ...(password ? { password } : {}) },
        }),
      );
    } else {
      await settle(
        client.POST('/v1/sip-users', {
          body: { username, password, srtp, dtmf, ...(displayName.trim() ? { displayName: displayName.trim() } : {}) },
        }),
      );
      setUsername('');
      setDisplayName('');
      setSrtp('offer');
      setDtmf('rfc4733');
    }
    setPassword('');
    onDone();
  });

  return (
    <section className="panel">
      <h2>{user ? `Edit SIP user ${user.username}` : 'New SIP user'}</h2>
      <form noValidate onSubmit={save}>
        <ProblemAlert problem={form.problem} errors={form.otherErrors} />
        {!user && (
          <Field label="Username" errors={form.errors('username')} hint="Letters, digits and ._~+- (e.g. alice).">
            {(control) => (
              <input
                {...control}
                required
                autoComplete="off"
                value={username}
                onChange={(event) => setUsername(event.target.value)}
              />
            )}
          </Field>
        )}
        <Field
          label={user ? 'New password' : 'Password'}
          errors={form.errors('password')}
          hint={user ? 'Leave empty to keep the current password.' : '8 to 128 characters.'}
        >
          {(control) => (
            <input
              {...control}
              type="password"
              autoComplete="new-password"
              required={!user}
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          )}
        </Field>
        <Field label="Display name" errors={form.errors('displayName')} hint="Optional.">
          {(control) => (
            <input {...control} value={displayName} onChange={(event) => setDisplayName(event.target.value)} />
          )}
        </Field>
        <SrtpField value={srtp} errors={form.errors('srtp')} onChange={setSrtp} />
        <DtmfField value={dtmf} errors={form.errors('dtmf')} onChange={setDtmf} />
        {user && (
          <Field label="Enabled" inline errors={form.errors('enabled')}>
            {(control) => (
              <input
                {...control}
                type="checkbox"
                checked={enabled}
                onChange={(event) => setEnabled(event.target.checked)}
              />
            )}
          </Field>
        )}
        <FormActions editing={user !== null} busy={form.busy} onCancel={onCancel} />
      </form>
    </section>
  );
}
