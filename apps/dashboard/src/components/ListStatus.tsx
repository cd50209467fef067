import type { ProblemDetails } from '../api/problem';
import { ProblemAlert } from './ProblemAlert';

interface Props {
  readonly loading: boolean;
  readonly problem: ProblemDetails | null;
  readonly empty: boolean;
  /** What an empty list says ("No SIP users yet."). */
  readonly emptyText: string;
}

/** The loading, error and empty states of a list (the list itself is drawn by the page). */
export function ListStatus({ loading, problem, empty, emptyText }: Props) {
  if (problem) return <ProblemAlert problem={problem} />;
  if (loading && empty) {
    return (
      <p className="list-status" role="status">
        Loading…
      </p>
    );
  }
  if (empty) return <p className="list-status empty">{emptyText}</p>;
  return null;
}
