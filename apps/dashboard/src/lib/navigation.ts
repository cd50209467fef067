// The pages of the main navigation, and where a session starts.
import type { Session } from '../api/types';

export interface NavItem {
  readonly path: string;
  readonly label: string;
  /** Admin only (the Accounts page); the others act on the selected account. */
  readonly admin?: true;
}

const NAV_ITEMS: readonly NavItem[] = [
  { path: '/accounts', label: 'Accounts', admin: true },
  { path: '/sip-users', label: 'SIP users' },
  { path: '/client-tokens', label: 'Client tokens' },
  { path: '/registrations', label: 'Registrations' },
  { path: '/carriers', label: 'Carriers' },
  { path: '/phone-numbers', label: 'Phone numbers' },
  { path: '/applications', label: 'Applications' },
  { path: '/outbound-routes', label: 'Outbound routes' },
  { path: '/webhooks', label: 'Webhooks' },
  { path: '/calls', label: 'Calls' },
  { path: '/softphone', label: 'Softphone' },
];

/** What the navigation shows a session: each item as a link, disabled (no account yet), or not at all. */
export function navItemsFor(session: Pick<Session, 'role' | 'account'>): { item: NavItem; enabled: boolean }[] {
  return NAV_ITEMS.filter((item) => !item.admin || session.role === 'admin').map((item) => ({
    item,
    enabled: item.admin === true || session.account !== null,
  }));
}

/** The first page after sign-in: an admin outside any account picks one, everyone else sees the calls. */
export function homePath(session: Pick<Session, 'role' | 'account'>): string {
  return session.role === 'admin' && session.account === null ? '/accounts' : '/calls';
}
