// RFC 9457 problem documents as the API sends them (ProblemDto in the generated schema), and how forms use them.
import type { components } from './schema';

export type FieldError = components['schemas']['FieldErrorDto'];

/**
 * A problem as the dashboard shows it: the API's (instance left out), or one made up (status 0: no answer) for a
 * network failure or for fields the dashboard refused to send.
 */
export type ProblemDetails = Omit<components['schemas']['ProblemDto'], 'instance'>;

/** A failed API request: the problem document the API answered with (or one made up for it). */
export class ApiProblem extends Error {
  constructor(readonly problem: ProblemDetails) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
    this.name = 'ApiProblem';
  }

  get status(): number {
    return this.problem.status;
  }
}

/** Fields found invalid before sending (e.g. text in a number field): nothing was sent. */
export class InvalidFields extends Error {
  constructor(readonly errors: FieldError[]) {
    super(errors.map((error) => error.message).join('; '));
    this.name = 'InvalidFields';
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fieldErrorsOf(value: unknown): FieldError[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.filter(
    (item): item is FieldError => isRecord(item) && typeof item.field === 'string' && typeof item.message === 'string',
  );
}

/** The problem in a failed response's body, or a generic one when the body is not a problem document. */
export function toProblem(status: number, statusText: string, body: unknown): ProblemDetails {
  if (isRecord(body) && typeof body.title === 'string') {
    const errors = fieldErrorsOf(body.errors);
    return {
      type: typeof body.type === 'string' ? body.type : 'about:blank',
      title: body.title,
      status: typeof body.status === 'number' ? body.status : status,
      ...(typeof body.detail === 'string' ? { detail: body.detail } : {}),
      ...(errors && errors.length > 0 ? { errors } : {}),
    };
  }
  return { type: 'about:blank', title: statusText || `HTTP ${status}`, status };
}

/** Any error thrown while talking to the API (or before, for invalid fields), as a problem to show. */
export function problemOf(error: unknown): ProblemDetails {
  if (error instanceof ApiProblem) return error.problem;
  if (error instanceof InvalidFields) {
    return {
      type: 'about:blank',
      title: 'Invalid fields',
      status: 0,
      detail: 'Nothing was sent: correct the fields marked below.',
      errors: error.errors,
    };
  }
  return {
    type: 'about:blank',
    title: 'Network error',
    status: 0,
    detail: error instanceof Error ? error.message : 'The API could not be reached.',
  };
}

export interface SplitFieldErrors {
  /** Messages for the form's own fields, by field path (e.g. "outbound.gateways.0.host"). */
  readonly byField: Readonly<Record<string, string[]>>;
  /** Errors about fields the form does not show: listed with the problem. */
  readonly other: FieldError[];
}

/** Sorts a problem's field errors into those shown next to a form field and the rest. */
export function splitFieldErrors(
  problem: ProblemDetails | null,
  isFormField: (field: string) => boolean,
): SplitFieldErrors {
  const byField: Record<string, string[]> = {};
  const other: FieldError[] = [];
  for (const error of problem?.errors ?? []) {
    if (isFormField(error.field)) (byField[error.field] ??= []).push(error.message);
    else other.push(error);
  }
  return { byField, other };
}
