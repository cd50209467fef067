// The API does not list client tokens: the dashboard remembers (in memory, per account, without the token
// itself) those it issued, so that they can be revoked from the Client tokens page.
import { type ReactNode, createContext, useContext, useMemo, useState } from 'react';
import type { ClientToken } from '../api/types';
import type { IssuedToken } from '../lib/clientToken';

interface IssuedTokensValue {
  readonly tokens: IssuedToken[];
  add(token: ClientToken): void;
  remove(id: string): void;
}

const IssuedTokensContext = createContext<IssuedTokensValue | null>(null);

export function IssuedTokensProvider({ children }: { children: ReactNode }) {
  const [tokens, setTokens] = useState<IssuedToken[]>([]);
  const value = useMemo<IssuedTokensValue>(
    () => ({
      tokens,
      add: ({ id, identity, sipUri, expiresAt }) =>
        setTokens((list) => [{ id, identity, sipUri, expiresAt }, ...list.filter((token) => token.id !== id)]),
      remove: (id) => setTokens((list) => list.filter((token) => token.id !== id)),
    }),
    [tokens],
  );
  return <IssuedTokensContext.Provider value={value}>{children}</IssuedTokensContext.Provider>;
}

export function useIssuedTokens(): IssuedTokensValue {
  const context = useContext(IssuedTokensContext);
  if (!context) throw new Error('useIssuedTokens outside IssuedTokensProvider');
  return context;
}
