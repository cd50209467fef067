import { HttpStatus } from '@nestjs/common';
import { Prisma } from '@callwire/database';
import { type ProblemDetails, problem } from './problem';

/** Seconds a client should wait before retrying when PostgreSQL cannot take the request. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/** Prisma codes of a database that cannot be reached or has no connection to spare (not of the request). */
const UNAVAILABLE_PRISMA_CODES = new Set([
  'P1000', // authentication failed (the operator's setting, not the request)
  'P1001', // cannot reach the server
  'P1002', // server timed out
  'P1008', // operation timed out
  'P1017', // server closed the connection
  'P2024', // timed out waiting for a pooled connection
  'P2037', // too many connections
]);
/** Socket errors of node-postgres connecting to, or talking with, PostgreSQL. */
const UNAVAILABLE_SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'EPIPE',
]);
/** SQLSTATEs: 57P01-03 the server is shutting down or starting. Classes 08 and 53 are checked by prefix. */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03']);
/** node-postgres' own errors (no code) when a connection ends under a query or cannot be had in time. */
const LOST_CONNECTION_MESSAGE = /^(Connection terminated|timeout exceeded when trying to connect)/;

/** The request's data: a value the column cannot hold (Prisma validation, length, range, type, null). */
const INVALID_VALUE_PRISMA_CODES = new Set(['P2000', 'P2005', 'P2006', 'P2007', 'P2011', 'P2012', 'P2019', 'P2020']);
const NOT_FOUND_PRISMA_CODES = new Set(['P2001', 'P2015', 'P2018', 'P2025']);
/** Unique (P2002) and foreign keys (P2003, P2014), or a concurrent write (P2034). */
const CONFLICT_PRISMA_CODES = new Set(['P2002', 'P2003', 'P2014', 'P2034']);

/** The error, then what it wraps: Prisma keeps the driver's error under meta.driverAdapterError. */
function* chainOf(error: unknown): Generator<Record<string, unknown>> {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const record = current as Record<string, unknown>;
    yield record;
    const meta = record.meta as Record<string, unknown> | undefined;
    current = meta?.driverAdapterError ?? record.cause;
  }
}

/** A PostgreSQL SQLSTATE: node-postgres errors carry it as code (with a severity), Prisma's adapter as originalCode. */
function sqlStateOf(link: Record<string, unknown>): string | undefined {
  if (typeof link.originalCode === 'string') return link.originalCode;
  return typeof link.severity === 'string' && typeof link.code === 'string' ? link.code : undefined;
}

function isUnavailable(link: Record<string, unknown>): boolean {
  if (link instanceof Prisma.PrismaClientInitializationError) return true;
  const code = typeof link.code === 'string' ? link.code : '';
  if (UNAVAILABLE_PRISMA_CODES.has(code) || UNAVAILABLE_SOCKET_CODES.has(code)) return true;
  const sqlState = sqlStateOf(link);
  if (sqlState && (sqlState.startsWith('08') || sqlState.startsWith('53') || UNAVAILABLE_SQLSTATES.has(sqlState))) {
    return true;
  }
  return link instanceof Error && LOST_CONNECTION_MESSAGE.test(link.message);
}

const invalidValue = (): ProblemDetails => problem(HttpStatus.BAD_REQUEST, 'A value cannot be stored as given.');
const conflict = (): ProblemDetails =>
  problem(HttpStatus.CONFLICT, 'The change conflicts with the current data; check it and retry.');

/** Plain SQL (node-postgres) errors about the data: class 22 (data exception), class 23 (integrity). */
function sqlStateProblem(sqlState: string): ProblemDetails | undefined {
  if (sqlState.startsWith('22')) return invalidValue();
  // 23: integrity (unique, foreign key); 40001/40P01: serialization failure, deadlock.
  if (sqlState.startsWith('23') || sqlState === '40001' || sqlState === '40P01') return conflict();
  return undefined;
}

function prismaProblem(error: Prisma.PrismaClientKnownRequestError): ProblemDetails | undefined {
  if (INVALID_VALUE_PRISMA_CODES.has(error.code)) return invalidValue();
  if (NOT_FOUND_PRISMA_CODES.has(error.code)) return problem(HttpStatus.NOT_FOUND, 'Not found.');
  if (CONFLICT_PRISMA_CODES.has(error.code)) return conflict();
  return undefined;
}

/**
 * The problem a database error means for the client, or undefined for errors that are the API's own (500).
 * An unavailable database (down, refusing connections, out of connections) is a 503 the client may retry;
 * input that slipped past validation is a 400, never a 500 with Prisma's text. Details stay out of the body.
 */
export function databaseProblem(error: unknown): ProblemDetails | undefined {
  const chain = [...chainOf(error)];
  if (chain.some(isUnavailable)) {
    return problem(HttpStatus.SERVICE_UNAVAILABLE, 'The API cannot reach its database right now; retry later.');
  }
  if (error instanceof Prisma.PrismaClientValidationError) {
    return problem(HttpStatus.BAD_REQUEST, 'A value has the wrong type.');
  }
  const known = error instanceof Prisma.PrismaClientKnownRequestError ? prismaProblem(error) : undefined;
  if (known) return known;
  for (const link of chain) {
    const sqlState = sqlStateOf(link);
    if (sqlState) return sqlStateProblem(sqlState);
  }
  return undefined;
}
