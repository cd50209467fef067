/** Who is calling: the platform operator (admin key) or an account (account API key). */
export type Principal = AdminPrincipal | AccountPrincipal;

export interface AdminPrincipal {
  readonly kind: 'admin';
}

export interface AccountPrincipal {
  readonly kind: 'account';
  readonly accountId: string;
  readonly apiKeyId: string;
}
