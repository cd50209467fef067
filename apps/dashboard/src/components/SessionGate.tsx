import { Navigate, useLocation } from 'react-router-dom';
import { useSessionContext } from '../session/SessionContext';
import { Layout } from './Layout';
import { ProblemAlert } from './ProblemAlert';

/** The signed-in part of the app: waits for the session, sends the signed-out to sign-in. */
export function SessionGate() {
  const { state, retry } = useSessionContext();
  const location = useLocation();
  switch (state.status) {
    case 'loading':
      return (
        <p className="page-status" role="status">
          Loading…
        </p>
      );
    case 'unavailable':
      return (
        <div className="page-status">
          <h1>Callwire</h1>
          <ProblemAlert problem={state.problem} />
          <button type="button" onClick={retry}>
            Retry
          </button>
        </div>
      );
    case 'signed-out':
      // After an expired session, come back here once signed in again.
      return (
        <Navigate to="/sign-in" replace state={state.ended ? { from: location.pathname + location.search } : null} />
      );
    case 'signed-in':
      return <Layout />;
  }
}
