import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
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

/** Turns any thrown error into an RFC 9457 problem. Unknown errors become an opaque 500 and are logged. */
function toProblem(error: unknown, logger: Logger): ProblemDetails {
  if (error instanceof ProblemException) return error.problem;
  if (error instanceof HttpException) return problem(error.getStatus(), detailOf(error.getResponse()));
  if (isStatusCodeError(error) && error.statusCode >= 400 && error.statusCode < 500) {
    return problem(error.statusCode, error.message);
  }
  logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  return problem(500, 'An unexpected error occurred.');
}

function sendProblem(reply: FastifyReply, request: FastifyRequest, body: ProblemDetails): void {
  if (body.status === 401) void reply.header('www-authenticate', 'Bearer realm="callwire"');
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
