import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { safeError } from 'src/common/logging/safe-error';
import { DomainError, ErrorCode } from 'src/common/errors/domain-error';
import { PROBLEM_TYPES, problemTypeUri } from 'src/common/errors/problem-types';

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  requestId?: string;
  [key: string]: unknown;
}

const HTTP_TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Authentication required',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  406: 'Not acceptable',
  409: 'Conflict',
  413: 'Request body too large',
  415: 'Unsupported media type',
  422: 'Request cannot be processed',
  429: 'Too many requests',
  503: 'Service unavailable',
};

/** Turns any thrown value into an RFC 9457 problem; never leaks internals of a 500. */
export function toProblem(error: unknown, requestId?: string): ProblemBody {
  if (error instanceof DomainError) {
    const mapped = PROBLEM_TYPES[error.code];
    // Extra members first: they may never overwrite the problem's own members.
    return {
      ...error.extra,
      type: problemTypeUri(error.code),
      title: mapped.title,
      status: mapped.status,
      detail: error.detail,
    };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    const message =
      typeof response === 'string'
        ? response
        : Array.isArray((response as { message?: unknown }).message)
          ? ((response as { message: string[] }).message.join('; ') as string)
          : String((response as { message?: unknown }).message ?? error.message);
    return { type: 'about:blank', title: HTTP_TITLES[status] ?? 'Error', status, detail: message };
  }
  if (error instanceof QueryFailedError) {
    const code = (error as QueryFailedError & { code?: string }).code;
    // Database constraints are the last line of defence; name the conflict, never the SQL.
    if (code === '23505' || code === '23P01') {
      return {
        type: problemTypeUri(ErrorCode.Conflict),
        title: 'Conflict',
        status: 409,
        detail: 'The request conflicts with existing data',
      };
    }
    if (code === '22P02' || code === '22007' || code === '22008' || code === '22003' || code === '22001') {
      return {
        type: 'about:blank',
        title: 'Bad request',
        status: 400,
        detail: 'A value has the wrong format or size',
      };
    }
    if (code === '23503' || code === '23514' || code === '23502') {
      return {
        type: problemTypeUri(ErrorCode.UnprocessableEntity),
        title: 'Request cannot be processed',
        status: 422,
        detail: 'The request refers to data that does not exist or breaks a rule',
      };
    }
  }
  const fastifyStatus = (error as { statusCode?: number } | null)?.statusCode;
  if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
    const code = (error as { code?: string }).code;
    const detail =
      code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (error as Error).name === 'SyntaxError'
        ? 'The body is not valid JSON'
        : code === 'FST_ERR_CTP_BODY_TOO_LARGE'
          ? 'The request body is too large'
          : code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
            ? 'Unsupported content type; send application/json'
            : (error as Error).message;
    return {
      type: 'about:blank',
      title: HTTP_TITLES[fastifyStatus] ?? 'Bad request',
      status: fastifyStatus,
      detail,
    };
  }
  return {
    type: 'about:blank',
    title: 'Internal server error',
    status: 500,
    detail: `Something went wrong on our side. Quote request id ${requestId ?? 'unknown'} when reporting it.`,
  };
}

@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(error: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const request = ctx.getRequest<FastifyRequest>();
    const reply = ctx.getResponse<FastifyReply>();
    sendProblem(request, reply, error, this.logger);
  }
}

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  error: unknown,
  logger: { error(message: unknown, ...rest: unknown[]): void },
): void {
  const problem = toProblem(error, String(request.id));
  problem.instance = request.url.split('?')[0];
  problem.requestId = String(request.id);
  if (problem.status >= 500) {
    // `safeError`: a database error's parameters and detail hold personal data; they never reach the log.
    logger.error(
      { err: safeError(error), requestId: request.id, route: request.routeOptions?.url },
      'Unhandled error',
    );
  }
  if (problem.status === 429 && typeof problem.retryAfter === 'number') {
    void reply.header('retry-after', String(problem.retryAfter));
  }
  void reply
    .status(problem.status)
    .header('content-type', 'application/problem+json; charset=utf-8')
    .send(problem);
}
