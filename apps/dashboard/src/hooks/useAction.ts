import { useState } from 'react';
import { type ProblemDetails, problemOf } from '../api/problem';

export interface Action {
  /** What is running: the key given to run (e.g. "delete:<id>"), or null. */
  readonly running: string | null;
  readonly problem: ProblemDetails | null;
  run(key: string, action: () => Promise<unknown>): void;
  clear(): void;
}

/** One-click changes on a page (enable, delete, replay…): what runs, and the problem of the last one. */
export function useAction(): Action {
  const [running, setRunning] = useState<string | null>(null);
  const [problem, setProblem] = useState<ProblemDetails | null>(null);
  return {
    running,
    problem,
    run: (key, action) => {
      setRunning(key);
      setProblem(null);
      action()
        .catch((error: unknown) => setProblem(problemOf(error)))
        .finally(() => setRunning(null));
    },
    clear: () => setProblem(null),
  };
}
