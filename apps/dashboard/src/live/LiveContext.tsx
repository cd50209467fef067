// GET /v1/live (Server-Sent Events): "this list changed in the account, refetch it", while an account is
// selected. The stream itself is shared by the browser's tabs (sharedLiveStream.ts).
import { type ReactNode, createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { LiveEvent } from '../api/types';
import { debounce } from '../lib/debounce';
import { type LiveStatus, connectLive } from './sharedLiveStream';

type Listener = () => void;

interface LiveContextValue {
  readonly status: LiveStatus;
  subscribe(events: readonly LiveEvent[], listener: Listener): () => void;
}

const LiveContext = createContext<LiveContextValue | null>(null);

function accountIdOf(data: unknown): string | undefined {
  if (typeof data !== 'string') return undefined;
  try {
    const parsed: unknown = JSON.parse(data);
    if (typeof parsed === 'object' && parsed !== null && 'accountId' in parsed) {
      return typeof parsed.accountId === 'string' ? parsed.accountId : undefined;
    }
  } catch {
    // Not JSON: treat it as an event for the current account.
  }
  return undefined;
}

export function LiveProvider({ accountId, children }: { accountId: string; children: ReactNode }) {
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const listeners = useRef(new Map<LiveEvent, Set<Listener>>());

  useEffect(() => {
    setStatus('connecting');
    return connectLive(accountId, {
      onStatus: setStatus,
      onEvent: (event, data) => {
        const from = accountIdOf(data);
        if (from !== undefined && from !== accountId) return;
        listeners.current.get(event)?.forEach((listener) => listener());
      },
    });
  }, [accountId]);

  const subscribe = useCallback((events: readonly LiveEvent[], listener: Listener) => {
    for (const event of events) {
      const set = listeners.current.get(event) ?? new Set();
      set.add(listener);
      listeners.current.set(event, set);
    }
    return () => events.forEach((event) => listeners.current.get(event)?.delete(listener));
  }, []);
  const value = useMemo(() => ({ status, subscribe }), [status, subscribe]);
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}

export function useLiveStatus(): LiveStatus | null {
  return useContext(LiveContext)?.status ?? null;
}

const REFRESH_DELAY_MS = 200;

/** Calls `refresh` (debounced) when one of these lists changes; nothing outside an account. */
export function useLiveRefresh(events: readonly LiveEvent[], refresh: () => void): void {
  const context = useContext(LiveContext);
  const latest = useRef(refresh);
  useEffect(() => {
    latest.current = refresh;
  });
  const subscribe = context?.subscribe;
  const key = events.join(',');

  useEffect(() => {
    if (!subscribe) return;
    const debounced = debounce(() => latest.current(), REFRESH_DELAY_MS);
    const unsubscribe = subscribe(key.split(',') as LiveEvent[], debounced);
    return () => {
      unsubscribe();
      debounced.cancel();
    };
  }, [subscribe, key]);
}
