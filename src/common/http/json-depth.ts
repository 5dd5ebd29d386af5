import type { FastifyInstance } from 'fastify';
import { ValidationError } from 'src/common/errors/domain-error';
import { sendProblem } from 'src/common/errors/problem.filter';

/** Deeper bodies are refused before validation and fingerprinting, which recurse and would overflow. */
export const MAX_BODY_DEPTH = 32;

/** Depth of a parsed JSON value, walked with an explicit stack so that it never recurses. */
export function jsonDepth(value: unknown, limit = Infinity): number {
  let max = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (!node || typeof node !== 'object') continue;
    if (depth > max) max = depth;
    if (max > limit) return max;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return max;
}

export function refuseDeepBodies(
  fastify: FastifyInstance,
  logger: { error(message: unknown, ...rest: unknown[]): void },
): void {
  fastify.addHook('preValidation', async (request, reply) => {
    if (jsonDepth(request.body, MAX_BODY_DEPTH) > MAX_BODY_DEPTH) {
      const error = ValidationError.field('body', `must not be nested deeper than ${MAX_BODY_DEPTH} levels`);
      sendProblem(request, reply, error, logger);
      return reply;
    }
  });
}
