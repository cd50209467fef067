import {
  ApiProperty,
  ApiPropertyOptional,
  type HeadersObject,
  type OpenAPIObject,
  type OperationObject,
  type ResponseObject,
  type ResponsesObject,
  getSchemaPath,
} from '@nestjs/swagger';
import { STATUS_CODES } from 'node:http';
import { PROBLEM_CONTENT_TYPE, ProblemType } from './problem';

export class FieldErrorDto {
  @ApiProperty({ description: 'The input field, as a path (e.g. "outbound.gateways.0.host").' }) field!: string;
  @ApiProperty() message!: string;
}

/** The RFC 9457 problem document every error response carries (see common/problem.ts). */
export class ProblemDto {
  @ApiProperty({ description: `about:blank, ${ProblemType.Validation} or ${ProblemType.Conflict}.` }) type!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ minimum: 400, maximum: 599 }) status!: number;
  @ApiPropertyOptional() detail?: string;
  @ApiProperty({ description: 'The request path.' }) instance!: string;
  @ApiPropertyOptional({ type: [FieldErrorDto], description: 'Validation errors: one per invalid field.' })
  errors?: FieldErrorDto[];
}

const SECONDS = { type: 'integer', minimum: 0 } as const;
const RATE_LIMIT_HEADERS: HeadersObject = {
  'Retry-After': { description: 'Seconds to wait before trying again.', schema: SECONDS },
  RateLimit: {
    description: 'Remaining quota of the policy closest to its limit (IETF RateLimit fields).',
    schema: { type: 'string' },
  },
  'RateLimit-Policy': { description: 'The quotas the request was counted against.', schema: { type: 'string' } },
};

/** What each status means when an operation does not say more. */
const DEFAULT_DESCRIPTIONS: Readonly<Record<number, string>> = {
  400: 'Invalid input: malformed JSON, a malformed id, an unknown or invalid field or query parameter (listed in errors[]).',
  401: 'Missing, invalid, revoked or expired credentials.',
  403: 'The credentials may not do this (e.g. not the admin key, or no X-CSRF-Token with a session cookie).',
  404: 'No such resource in this account.',
  409: 'Conflicts with the current state of the resource.',
  413: 'The request body is larger than the configured limit.',
  415: 'The request body is not application/json.',
  429: 'Rate limit exceeded: retry after Retry-After seconds.',
  503: 'The API cannot reach its database or Redis right now: retry after Retry-After seconds.',
};

function problemResponse(status: number, description?: string): ResponseObject {
  return {
    description: description ?? DEFAULT_DESCRIPTIONS[status] ?? STATUS_CODES[status] ?? 'Error',
    content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDto) } } },
    ...(status === 429 ? { headers: RATE_LIMIT_HEADERS } : {}),
    ...(status === 503 ? { headers: { 'Retry-After': RATE_LIMIT_HEADERS['Retry-After'] } } : {}),
    ...(status === 401
      ? { headers: { 'WWW-Authenticate': { description: 'Bearer realm="callwire"', schema: { type: 'string' } } } }
      : {}),
  };
}

const METHODS_WITH_BODY = new Set(['post', 'put', 'patch', 'delete']);

/** The problems an operation can answer because of its shape alone. */
function shapeProblems(path: string, method: string, operation: OperationObject): number[] {
  const parameters = operation.parameters ?? [];
  const hasParameter = (where: string): boolean => parameters.some((p) => 'in' in p && p.in === where);
  const statuses: number[] = [];
  // Malformed JSON (any body), invalid fields, malformed ids, unknown or invalid query parameters.
  if (METHODS_WITH_BODY.has(method) || hasParameter('path') || hasParameter('query')) statuses.push(400);
  if (operation.security?.length) statuses.push(401, 403);
  if (hasParameter('path')) statuses.push(404);
  if (METHODS_WITH_BODY.has(method)) statuses.push(413, 415);
  // Every /v1 request is counted per source address (and per key/account once authenticated), and needs
  // PostgreSQL and Redis (the counters) to be reachable.
  if (path.startsWith('/v1/')) statuses.push(429, 503);
  return statuses;
}

/**
 * Completes the document's error responses: every operation lists the problems its shape allows, and every
 * 4xx/5xx response without a body schema of its own gets the problem schema.
 */
export function documentProblems(document: OpenAPIObject): void {
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item) as [string, OperationObject][]) {
      if (typeof operation !== 'object' || !('responses' in operation)) continue;
      const responses: ResponsesObject = operation.responses;
      for (const status of shapeProblems(path, method, operation)) responses[status] ??= problemResponse(status);
      for (const [status, response] of Object.entries(responses)) {
        if (!response || Number(status) < 400 || '$ref' in response || response.content) continue;
        const problem = problemResponse(Number(status), response.description);
        responses[status] = { ...problem, headers: { ...problem.headers, ...response.headers } };
      }
    }
  }
}
