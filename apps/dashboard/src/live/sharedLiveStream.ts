// One GET /v1/live stream per browser, shared by all the dashboard's tabs. Browsers allow six HTTP/1.1
// connections per host: with one stream per tab the seventh tab would never load. A Web Lock elects the tab
// that holds the stream (the next tab takes over when it closes); it relays events and its status to the
// others over a BroadcastChannel. A page leaving for the back/forward cache lets go of both.
import { LIVE_EVENTS, type LiveEvent } from '../api/types';

export type LiveStatus = 'connecting' | 'live' | 'reconnecting';

export interface LiveHandlers {
  onEvent(event: LiveEvent, data: unknown): void;
  onStatus(status: LiveStatus): void;
}

type Message =
  | { readonly kind: 'event'; readonly event: LiveEvent; readonly data: unknown }
  | { readonly kind: 'status'; readonly status: LiveStatus }
  | { readonly kind: 'hello' };

const RESTART_DELAY_MS = 5000;

/** Opens the stream in this tab and keeps it until `signal` aborts; EventSource reconnects by itself. */
function holdStream(handlers: LiveHandlers, signal: AbortSignal): Promise<void> {
  return new Promise((done) => {
    let source: EventSource | undefined;
    let restart: ReturnType<typeof setTimeout> | undefined;
    const open = () => {
      source = new EventSource('/v1/live');
      source.onopen = () => handlers.onStatus('live');
      source.onerror = () => {
        handlers.onStatus('reconnecting');
        if (source?.readyState === EventSource.CLOSED) restart = setTimeout(open, RESTART_DELAY_MS);
      };
      for (const event of LIVE_EVENTS) {
        source.addEventListener(event, (message: MessageEvent) => handlers.onEvent(event, message.data));
      }
    };
    open();
    signal.addEventListener('abort', () => {
      clearTimeout(restart);
      source?.close();
      done();
    });
  });
}

/** Joins the browser's shared stream for this account (or opens a stream of its own without Web Locks). */
function joinSharedStream(accountId: string, handlers: LiveHandlers): () => void {
  const stop = new AbortController();
  if (!('locks' in navigator) || typeof BroadcastChannel === 'undefined') {
    void holdStream(handlers, stop.signal);
    return () => stop.abort();
  }
  const name = `callwire-live:${accountId}`;
  const channel = new BroadcastChannel(name);
  let leading = false;
  let status: LiveStatus = 'connecting';
  const setStatus = (next: LiveStatus) => {
    status = next;
    handlers.onStatus(next);
    if (leading) channel.postMessage({ kind: 'status', status: next } satisfies Message);
  };
  channel.onmessage = ({ data }: MessageEvent<Message>) => {
    if (data.kind === 'event') handlers.onEvent(data.event, data.data);
    else if (data.kind === 'status') handlers.onStatus(data.status);
    else if (leading) channel.postMessage({ kind: 'status', status } satisfies Message);
  };
  channel.postMessage({ kind: 'hello' } satisfies Message);
  navigator.locks
    .request(name, { signal: stop.signal }, () => {
      leading = true;
      setStatus('connecting');
      return holdStream(
        {
          onStatus: setStatus,
          onEvent: (event, data) => {
            handlers.onEvent(event, data);
            channel.postMessage({ kind: 'event', event, data } satisfies Message);
          },
        },
        stop.signal,
      );
    })
    .catch(() => undefined); // aborted while waiting for the lock: this tab is leaving
  return () => {
    stop.abort();
    channel.close();
  };
}

/**
 * Live events for this account while the page is shown: joins the shared stream now, leaves it when the page
 * goes to the back/forward cache (pagehide) and joins again when it comes back (pageshow). Returns the cleanup.
 */
export function connectLive(accountId: string, handlers: LiveHandlers): () => void {
  let leave: (() => void) | null = joinSharedStream(accountId, handlers);
  const onPageHide = () => {
    leave?.();
    leave = null;
  };
  const onPageShow = () => {
    if (leave) return;
    handlers.onStatus('connecting');
    leave = joinSharedStream(accountId, handlers);
  };
  window.addEventListener('pagehide', onPageHide);
  window.addEventListener('pageshow', onPageShow);
  return () => {
    window.removeEventListener('pagehide', onPageHide);
    window.removeEventListener('pageshow', onPageShow);
    onPageHide();
  };
}
