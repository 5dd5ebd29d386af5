import type { FastifyInstance } from 'fastify';
import { ValidationError } from 'src/common/errors/domain-error';
import { sendProblem } from 'src/common/errors/problem.filter';

/**
 * Deeper bodies are refused before validation and fingerprinting, which recurse and would overflow; strings that are
 * not valid Unicode are refused before the validators that throw on them.
 */
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

/** A UTF-16 surrogate without its other half: JSON allows `"\ud800"`, but it is no text of any language. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The path of the first key or string in the value that holds a lone surrogate, walked without recursion. */
export function illFormedStringAt(value: unknown): string | undefined {
  const stack: Array<[unknown, string]> = [[value, 'body']];
  while (stack.length) {
    const [node, path] = stack.pop()!;
    if (typeof node === 'string') {
      if (LONE_SURROGATE.test(node)) return path;
      continue;
    }
    if (!node || typeof node !== 'object') continue;
    for (const [key, child] of Object.entries(node)) {
      if (LONE_SURROGATE.test(key)) return path;
      stack.push([child, Array.isArray(node) ? `${path}[${key}]` : `${path}.${key}`]);
    }
  }
  return undefined;
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
    // Validators and encoders downstream (e-mail, punycode, the index) throw on such strings.
    const illFormed = illFormedStringAt(request.body);
    if (illFormed) {
      const field = illFormed.replace(/^body\.?/, '') || 'body';
      sendProblem(
        request,
        reply,
        ValidationError.field(field, 'holds a lone UTF-16 surrogate (not valid text)'),
        logger,
      );
      return reply;
    }
  });
}
