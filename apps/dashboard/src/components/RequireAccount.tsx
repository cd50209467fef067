import { Link, Outlet } from 'react-router-dom';
import { useSession } from '../session/SessionContext';

/** Account pages: an admin must open an account first. */
export function RequireAccount() {
  const { account } = useSession();
  if (account) return <Outlet />;
  return (
    <>
      <h1>No account selected</h1>
      <p>
        This page acts on an account: open one from the <Link to="/accounts">list of accounts</Link> first.
      </p>
    </>
  );
}
