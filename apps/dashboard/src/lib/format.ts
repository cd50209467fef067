// Display formats shared by the pages: fixed and locale-free, so that what a test reads is predictable.

const pad = (value: number, length = 2) => String(value).padStart(length, '0');

/** "2026-11-21 14:05:09" in the browser's time zone; "—" for a missing or invalid time. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
  );
}

/** A ladder timestamp: "+0.0 ms", "+12.3 ms", then seconds past one second ("+1.234 s"). */
export function formatElapsed(elapsedMs: number): string {
  if (elapsedMs < 1000) return `+${elapsedMs.toFixed(1)} ms`;
  return `+${(elapsedMs / 1000).toFixed(3)} s`;
}

/** A call's duration: "0:07", "12:34", "1:02:03"; "—" when unknown. */
/** A retention in hours, as people say it: "3 days", "36 hours", "1 hour". */
export function formatRetention(hours: number): string {
  if (hours >= 24 && hours % 24 === 0) return hours === 24 ? '1 day' : `${hours / 24} days`;
  return hours === 1 ? '1 hour' : `${hours} hours`;
}

export function formatDuration(durationMs: number | null): string {
  if (durationMs === null) return '—';
  const totalSeconds = Math.round(durationMs / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${minutes}:${pad(seconds)}`;
}

/** The value of an <input type="datetime-local"> (local time) as an ISO instant; undefined when empty or invalid. */
export function fromDateTimeLocal(value: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
