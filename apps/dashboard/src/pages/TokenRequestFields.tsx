import type { SipUser } from '../api/types';
import { Field } from '../components/Field';
import type { Form } from '../hooks/useForm';
import type { TokenRequest } from '../lib/clientToken';

interface Props {
  readonly value: TokenRequest;
  readonly sipUsers: SipUser[];
  readonly sipDomain: string;
  readonly form: Form;
  onChange(value: TokenRequest): void;
}

/** "SIP user" or "Identity": whom a client token registers as. */
export function TokenRequestFields({ value, sipUsers, sipDomain, form, onChange }: Props) {
  return (
    <>
      <Field label="SIP user" errors={form.errors('sipUserId')} hint="Register as this SIP user…">
        {(control) => (
          <select
            {...control}
            value={value.sipUserId}
            onChange={(event) => onChange({ ...value, sipUserId: event.target.value })}
          >
            <option value="">None (use an identity)</option>
            {sipUsers.map((user) => (
              <option key={user.id} value={user.id} disabled={!user.enabled}>
                {user.username}
                {user.displayName ? ` (${user.displayName})` : ''}
                {user.enabled ? '' : ' (disabled)'}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label="Identity"
        errors={form.errors('identity')}
        hint={`…or as a client identity, reachable as sip:client.<identity>@${sipDomain}.`}
      >
        {(control) => (
          <input
            {...control}
            autoComplete="off"
            placeholder="bob"
            value={value.identity}
            onChange={(event) => onChange({ ...value, identity: event.target.value })}
          />
        )}
      </Field>
    </>
  );
}
