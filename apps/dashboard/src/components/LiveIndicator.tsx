import { useLiveStatus } from '../live/LiveContext';

const TEXT = { connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting…' } as const;

/** Whether live updates (GET /v1/live) are flowing. */
export function LiveIndicator() {
  const status = useLiveStatus();
  if (status === null) return null;
  return (
    <span className={`live live-${status}`} role="status" title="Live updates">
      <span className="live-dot" aria-hidden="true" />
      {TEXT[status]}
    </span>
  );
}
