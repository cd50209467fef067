import { HttpException, HttpStatus } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';

/** One invalid input field, as listed in a problem's `errors[]`. */
export interface FieldError {
  readonly field: string;
  readonly message: string;
}

/** RFC 9457 problem details body. */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly instance?: string;
  readonly errors?: FieldError[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** `about:blank` means "the HTTP status says it all" (RFC 9457 §4.2.1). */
export const ProblemType = {
  Generic: 'about:blank',
  Validation: 'urn:callwire:problem:validation-error',
  Conflict: 'urn:callwire:problem:conflict',
} as const;

export function problem(status: number, detail?: string, type: string = ProblemType.Generic): ProblemDetails {
  return { type, title: STATUS_CODES[status] ?? 'Error', status, ...(detail ? { detail } : {}) };
}

/** An HttpException whose response is already a problem document. */
export class ProblemException extends HttpException {
  constructor(readonly problem: ProblemDetails) {
    super(problem, problem.status);
  }
}

export class ValidationProblemException extends ProblemException {
  constructor(errors: FieldError[], detail = 'The request has invalid fields.') {
    super({ ...problem(HttpStatus.BAD_REQUEST, detail, ProblemType.Validation), errors });
  }
}

export class ConflictProblemException extends ProblemException {
  constructor(detail: string) {
    super(problem(HttpStatus.CONFLICT, detail, ProblemType.Conflict));
  }
}

export class NotFoundProblemException extends ProblemException {
  constructor(resource: string) {
    super(problem(HttpStatus.NOT_FOUND, `${resource} not found.`));
  }
}
