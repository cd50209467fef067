import type { FieldError, ProblemDetails } from '../api/problem';

interface Props {
  readonly problem: ProblemDetails | null;
  /** The field errors to list (default: all of the problem's); a form passes those it does not show itself. */
  readonly errors?: FieldError[];
}

/** An API problem as the API worded it: title, detail and field errors. */
export function ProblemAlert({ problem, errors }: Props) {
  if (!problem) return null;
  const listed = errors ?? problem.errors ?? [];
  return (
    <div role="alert" className="problem">
      <p className="problem-title">{problem.title}</p>
      {problem.detail && <p>{problem.detail}</p>}
      {listed.length > 0 && (
        <ul>
          {listed.map((error, index) => (
            <li key={index}>
              {error.message} <span className="muted">({error.field})</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
