import { useState } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { Field } from '../components/Field';
import { ProblemAlert } from '../components/ProblemAlert';
import { fieldsOf, useForm } from '../hooks/useForm';
import { homePath } from '../lib/navigation';
import { useSessionContext } from '../session/SessionContext';

function fromOf(state: unknown): string | undefined {
  if (typeof state === 'object' && state !== null && 'from' in state && typeof state.from === 'string') {
    return state.from;
  }
  return undefined;
}

/** Sign in with the admin key or an account API key (the API sets an HttpOnly session cookie). */
export function SignInPage() {
  const { state, signIn } = useSessionContext();
  const location = useLocation();
  const [apiKey, setApiKey] = useState('');
  const form = useForm(fieldsOf('apiKey'));

  if (state.status === 'signed-in') {
    return <Navigate to={fromOf(location.state) ?? homePath(state.session)} replace />;
  }

  return (
    <main className="sign-in">
      <form
        noValidate
        className="card"
        onSubmit={form.submit(async () => {
          await signIn(apiKey);
        })}
      >
        <p className="brand">Callwire</p>
        <h1>Sign in</h1>
        {state.status === 'signed-out' && state.ended && (
          <p className="notice" role="status">
            Your session has ended. Sign in again.
          </p>
        )}
        <ProblemAlert problem={form.problem} errors={form.otherErrors} />
        <Field
          label="API key"
          errors={form.errors('apiKey')}
          hint="The platform admin key, or an API key of an account. It is not stored in the browser."
        >
          {(control) => (
            <input
              {...control}
              type="password"
              autoComplete="off"
              spellCheck={false}
              required
              value={apiKey}
              onChange={(event) => setApiKey(event.target.value)}
            />
          )}
        </Field>
        <button type="submit" disabled={form.busy}>
          Sign in
        </button>
      </form>
    </main>
  );
}
