import { type FormEvent, useState } from 'react';
import { type FieldError, type ProblemDetails, problemOf, splitFieldErrors } from '../api/problem';

export interface Form {
  readonly busy: boolean;
  readonly problem: ProblemDetails | null;
  /** The API's messages for one field of this form (by its DTO path, e.g. "route.target"). */
  errors(field: string): string[] | undefined;
  /** Field errors that no field of this form shows. */
  readonly otherErrors: FieldError[];
  /** An onSubmit handler that runs the action and keeps its problem. */
  submit(action: () => Promise<void>): (event: FormEvent) => void;
  clear(): void;
}

/** State of a form that submits to the API: busy while sending, the problem it answered with. */
export function useForm(isFormField: (field: string) => boolean): Form {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ProblemDetails | null>(null);
  const { byField, other } = splitFieldErrors(problem, isFormField);
  return {
    busy,
    problem,
    errors: (field) => byField[field],
    otherErrors: other,
    submit: (action) => (event) => {
      event.preventDefault();
      setBusy(true);
      setProblem(null);
      action()
        .catch((error: unknown) => setProblem(problemOf(error)))
        .finally(() => setBusy(false));
    },
    clear: () => setProblem(null),
  };
}

/** Field names as a predicate for useForm. */
export function fieldsOf(...fields: string[]): (field: string) => boolean {
  const names = new Set(fields);
  return (field) => names.has(field);
}
