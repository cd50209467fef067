import { NavLink } from 'react-router-dom';
import type { Session } from '../api/types';
import { navItemsFor } from '../lib/navigation';

interface Props {
  readonly session: Session;
  readonly open: boolean;
  onNavigate(): void;
}

/** The sidebar: account pages are shown disabled until an admin opens an account. */
export function MainNav({ session, open, onNavigate }: Props) {
  return (
    <nav aria-label="Main" id="main-nav" className={open ? 'sidebar open' : 'sidebar'}>
      <ul>
        {navItemsFor(session).map(({ item, enabled }) => (
          <li key={item.path}>
            {enabled ? (
              <NavLink to={item.path} onClick={onNavigate}>
                {item.label}
              </NavLink>
            ) : (
              <span className="nav-disabled" aria-disabled="true" title="Open an account first">
                {item.label}
              </span>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
