import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { UNAVAILABLE_RETRY_AFTER_SECONDS, databaseProblem } from './database-errors';
import { PROBLEM_CONTENT_TYPE, type ProblemDetails, ProblemException, problem } from './problem';

/** Errors raised by Fastify before routing (body parsing, size limit, media type) reach Nest's filters; they carry a statusCode. */
interface StatusCodeError {
  readonly statusCode: number;
  readonly message: string;
}

function isStatusCodeError(error: unknown): error is StatusCodeError {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as StatusCodeError).statusCode === 'number' &&
    typeof (error as StatusCodeError).message === 'string'
  );
}

function detailOf(response: string | object): string | undefined {
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.join('; ');
  return undefined;
}

/** Names the error without its message: Prisma's messages quote the query's values, secrets included. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? `${error.name} ${code}` : error.name;
}

/** Turns any thrown error into an RFC 9457 problem. Unknown errors become an opaque 500 and are logged. */
function toProblem(error: unknown, logger: Logger): ProblemDetails {
  if (error instanceof ProblemException) return error.problem;
  if (error instanceof HttpException) return problem(error.getStatus(), detailOf(error.getResponse()));
  if (isStatusCodeError(error) && error.statusCode >= 400 && error.statusCode < 500) {
    return problem(error.statusCode, error.message);
  }
  const fromDatabase = databaseProblem(error);
  if (fromDatabase) {
    // A 400 here is input that validation should have refused: worth a look, not an outage.
    logger.warn(`database error answered ${fromDatabase.status}: ${describe(error)}`);
    return fromDatabase;
  }
  logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  return problem(500, 'An unexpected error occurred.');
}

/** Sends a problem document for this request (its path is the problem's instance). */
export function sendProblem(reply: FastifyReply, request: FastifyRequest, body: ProblemDetails): void {
  if (body.status === 401) void reply.header('www-authenticate', 'Bearer realm="callwire"');
  if (body.status === 503 && !reply.hasHeader('retry-after')) {
    void reply.header('retry-after', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
  }
  void reply
    .status(body.status)
    .type(PROBLEM_CONTENT_TYPE)
    .send({ ...body, instance: request.url.split('?')[0] });
}

@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    sendProblem(http.getResponse<FastifyReply>(), http.getRequest<FastifyRequest>(), toProblem(error, this.logger));
  }
}
