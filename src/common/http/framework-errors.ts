import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, ErrorCode, ValidationError } from 'src/common/errors/domain-error';
import { sendProblem, toProblem } from 'src/common/errors/problem.filter';

const silent = { error: () => undefined };

/**
 * Fastify's own answers before routing (a malformed percent-escape, a path parameter over its length) as
 * problem+json like every other answer.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const problem =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? new DomainError(ErrorCode.UriTooLong, 'A part of the address is longer than any identifier')
      : ValidationError.field('url', 'is not a valid address (a malformed percent-escape?)');
  sendProblem(request, reply, problem, silent);
}

/**
 * Errors the HTTP parser meets before there is a request (headers too large, a request that never finishes,
 * bytes that are not HTTP): answered as problem+json on the raw socket, which is then closed after the client
 * stopped sending, so that the client reads the answer instead of a reset.
 */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const domain =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? new DomainError(ErrorCode.HeadersTooLarge, 'The request headers (or its address) are too large')
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? new DomainError(ErrorCode.RequestTimeout, 'The request did not arrive in time')
        : ValidationError.field('request', 'is not a valid HTTP request');
  const problem = toProblem(domain);
  const body = JSON.stringify(problem);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status]}\r\n` +
        `Content-Type: application/problem+json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Connection: close\r\n\r\n${body}`,
    );
  }
  // Read and drop what the client is still sending, then close: destroying at once resets the connection.
  socket.on('error', () => undefined);
  socket.resume();
  socket.end();
  setTimeout(() => socket.destroy(), 5_000).unref();
}
