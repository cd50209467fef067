import { identitySipUser } from '@callwire/client-token';
import type { ApplicationDialTarget } from './application-answer';
import type { DialTarget } from './edge-route.contract';

/** The user part a sip-user or client target is registered under; null for a SIP URI. */
export function registeredUser(target: ApplicationDialTarget): string | null {
  if (target.type === 'sip-user') return target.target;
  if (target.type === 'client') return identitySipUser(target.target);
  return null;
}

/** Where the edge rings a target of the account: the registrations of a user or identity, or a SIP URI. */
export function dialTarget(target: ApplicationDialTarget, sipDomain: string): DialTarget {
  const user = registeredUser(target);
  return user === null ? { kind: 'uri', uri: target.target } : { kind: 'aor', uri: `sip:${user}@${sipDomain}` };
}
