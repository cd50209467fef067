// The dashboard session: read from GET /v1/session on load, changed by sign-in, sign-out and (admin) switching
// into an account. The CSRF token lives only in memory (in the API client).
import { type ReactNode, createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { client, handleSessionEnded, setCsrfToken, settle } from '../api/client';
import { ApiProblem, type ProblemDetails, problemOf } from '../api/problem';
import type { Session } from '../api/types';

export type SessionState =
  | { readonly status: 'loading' }
  | { readonly status: 'signed-out'; readonly ended: boolean }
  | { readonly status: 'signed-in'; readonly session: Session }
  | { readonly status: 'unavailable'; readonly problem: ProblemDetails };

interface SessionContextValue {
  readonly state: SessionState;
  signIn(apiKey: string): Promise<Session>;
  signOut(): Promise<void>;
  /** Admin only: act on this account (its id), or on none (null). */
  switchAccount(accountId: string | null): Promise<Session>;
  retry(): void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  const signedIn = useCallback((session: Session) => {
    setCsrfToken(session.csrfToken);
    setState({ status: 'signed-in', session });
    return session;
  }, []);

  useEffect(() => {
    handleSessionEnded(() => setState({ status: 'signed-out', ended: true }));
    let current = true;
    settle(client.GET('/v1/session')).then(
      (session) => current && signedIn(session),
      (error: unknown) => {
        if (!current) return;
        if (error instanceof ApiProblem && error.status === 401) setState({ status: 'signed-out', ended: false });
        else setState({ status: 'unavailable', problem: problemOf(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [attempt, signedIn]);

  const value = useMemo<SessionContextValue>(
    () => ({
      state,
      signIn: async (apiKey) => signedIn(await settle(client.POST('/v1/session', { body: { apiKey } }))),
      signOut: async () => {
        try {
          await settle(client.DELETE('/v1/session'));
        } finally {
          setCsrfToken(null);
          setState({ status: 'signed-out', ended: false });
        }
      },
      switchAccount: async (accountId) => signedIn(await settle(client.PATCH('/v1/session', { body: { accountId } }))),
      retry: () => {
        setState({ status: 'loading' });
        setAttempt((count) => count + 1);
      },
    }),
    [state, signedIn],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSessionContext(): SessionContextValue {
  const context = useContext(SessionContext);
  if (!context) throw new Error('useSessionContext outside SessionProvider');
  return context;
}

/** The signed-in session (for pages inside the signed-in layout). */
export function useSession(): Session {
  const { state } = useSessionContext();
  if (state.status !== 'signed-in') throw new Error('useSession while not signed in');
  return state.session;
}
