import { useState } from 'react';
import { Link, Outlet, useNavigate } from 'react-router-dom';
import { type ProblemDetails, problemOf } from '../api/problem';
import { LiveProvider } from '../live/LiveContext';
import { useSession, useSessionContext } from '../session/SessionContext';
import { LiveIndicator } from './LiveIndicator';
import { MainNav } from './MainNav';
import { ProblemAlert } from './ProblemAlert';

/** The signed-in frame: header (account, sign-out), sidebar navigation, and the page. */
export function Layout() {
  const session = useSession();
  const { signOut, switchAccount } = useSessionContext();
  const navigate = useNavigate();
  const [navOpen, setNavOpen] = useState(false);
  const [problem, setProblem] = useState<ProblemDetails | null>(null);
  const { account } = session;

  const leaveAccount = () => {
    setProblem(null);
    switchAccount(null).then(
      () => navigate('/accounts'),
      (error: unknown) => setProblem(problemOf(error)),
    );
  };

  const frame = (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <button
          type="button"
          className="nav-toggle secondary"
          aria-expanded={navOpen}
          aria-controls="main-nav"
          onClick={() => setNavOpen((open) => !open)}
        >
          Menu
        </button>
        <Link to="/" className="brand">
          Callwire
        </Link>
        <div className="account-bar">
          {account ? (
            <span className="current-account">
              <span className="muted">Account:</span> <strong>{account.name}</strong>{' '}
              <span className="muted">({account.sipDomain})</span>
            </span>
          ) : (
            <span className="muted">No account selected</span>
          )}
          {session.role === 'admin' && <Link to="/accounts">Switch account</Link>}
          {session.role === 'admin' && account && (
            <button type="button" className="secondary" onClick={leaveAccount}>
              Leave account
            </button>
          )}
          {account && <LiveIndicator />}
        </div>
        <span className="role muted">{session.role === 'admin' ? 'Admin' : 'Account'}</span>
        <button type="button" className="secondary" onClick={() => void signOut()}>
          Sign out
        </button>
      </header>
      <div className="shell">
        <MainNav session={session} open={navOpen} onNavigate={() => setNavOpen(false)} />
        {/* A new account means new data everywhere: the pages start afresh. */}
        <main id="main" key={account?.id ?? 'no-account'}>
          <ProblemAlert problem={problem} />
          <Outlet />
        </main>
      </div>
    </div>
  );
  return account ? <LiveProvider accountId={account.id}>{frame}</LiveProvider> : frame;
}
