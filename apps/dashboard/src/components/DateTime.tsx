import { formatDateTime } from '../lib/format';

/** A time from the API, shown in local time ("—" when there is none). */
export function DateTime({ value }: { value: string | null | undefined }) {
  if (!value) return <>—</>;
  return (
    <time dateTime={value} title={value}>
      {formatDateTime(value)}
    </time>
  );
}
