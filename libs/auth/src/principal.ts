/** Who is calling: the platform operator (admin key) or an account (account API key). */
export type Principal = AdminPrincipal | AccountPrincipal;

export interface AdminPrincipal {
  readonly kind: 'admin';
  /** Dashboard only: the account an admin session has switched into (account routes then act on it). */
  readonly actingAccountId?: string;
  /** Set when the request came with a dashboard session cookie rather than a bearer key. */
  readonly sessionId?: string;
}

export interface AccountPrincipal {
  readonly kind: 'account';
  readonly accountId: string;
  readonly apiKeyId: string;
  readonly sessionId?: string;
}

/** The account a request acts on: an account key's own, or the one an admin session switched into. */
export function actingAccountId(principal: Principal): string | undefined {
  return principal.kind === 'account' ? principal.accountId : principal.actingAccountId;
}
