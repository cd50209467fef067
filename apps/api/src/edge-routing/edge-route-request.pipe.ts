import { Injectable, type PipeTransform } from '@nestjs/common';
import Ajv, { type ErrorObject } from 'ajv';
import { type FieldError, ValidationProblemException } from '../common/problem';
import { EDGE_ROUTE_REQUEST_SCHEMA, type EdgeRouteRequest } from './edge-route.contract';

/** Compiled once at start-up: checking a call's request is then a few property tests (microseconds). */
const isEdgeRouteRequest = new Ajv({ allErrors: true, strict: true }).compile(EDGE_ROUTE_REQUEST_SCHEMA);

function fieldError(error: ErrorObject): FieldError {
  if (error.keyword === 'required') {
    const field = String(error.params.missingProperty);
    return { field, message: `${field} is required` };
  }
  if (error.keyword === 'additionalProperties') {
    const field = String(error.params.additionalProperty);
    return { field, message: `property ${field} should not exist` };
  }
  const field = error.instancePath.slice(1).replaceAll('/', '.');
  const allowed: unknown = error.params.allowedValues;
  const values = Array.isArray(allowed) ? `: ${allowed.join(', ')}` : '';
  return { field, message: `${field} ${error.message ?? 'is invalid'}${values}` };
}

/**
 * The routing endpoint's body, strictly checked against EDGE_ROUTE_REQUEST_SCHEMA: the edge calls it for every
 * call it routes through the platform, so this one endpoint uses a compiled schema instead of the
 * class-validator pipe (about 25 times its cost per request, docs/BENCHMARKS.md). Failures are the same 400
 * validation problem, every invalid field listed.
 */
@Injectable()
export class EdgeRouteRequestPipe implements PipeTransform<unknown, EdgeRouteRequest> {
  transform(value: unknown): EdgeRouteRequest {
    if (isEdgeRouteRequest(value)) return value;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new ValidationProblemException([], 'The request body must be a JSON object.');
    }
    throw new ValidationProblemException((isEdgeRouteRequest.errors ?? []).map(fieldError));
  }
}
