import { Logger } from '@nestjs/common';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The single-page faces and their HTML entry (relative to web/dist); deep links under each fall back to it. */
const FACES: Array<{ prefix: string; entry: string }> = [
  { prefix: '/kiosk', entry: 'kiosk/index.html' },
  { prefix: '/employer', entry: 'employer/index.html' },
  { prefix: '/staff', entry: 'staff/index.html' },
];

const MISSING_PAGE =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Front end not built</title></head>' +
  '<body><h1>The web front end is not built</h1><p>Run <code>npm run build</code> ' +
  '(or <code>npx vite build --config web/vite.config.ts</code>) and reload. The API is at ' +
  '<a href="/docs">/docs</a>.</p></body></html>';

/** web/dist beside the package.json this code belongs to (works from src/ under ts-node and from dist/). */
export function webDistDir(start = __dirname): string {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'web')))
      return join(dir, 'web', 'dist');
    const parent = dirname(dir);
    if (parent === dir) return resolve(process.cwd(), 'web', 'dist');
    dir = parent;
  }
}

/**
 * Serves the built front end: `/` (migrants online), `/kiosk`, `/employer`, `/staff` and their hashed
 * assets. Only these paths are claimed, so API routes, /docs, /health, /metrics and /admin are untouched,
 * and unknown paths still get the API's problem+json 404.
 */
export async function registerWebFrontEnd(
  fastify: FastifyInstance,
  root = webDistDir(),
  logger = new Logger('Web'),
): Promise<void> {
  if (!existsSync(join(root, 'index.html'))) {
    logger.warn(`web front end not built (${root} missing): run "npm run build"`);
  }
  // An encapsulated scope, so this plugin's reply decorators never clash with another @fastify/static.
  await fastify.register(async (scope) => {
    await scope.register(fastifyStatic, { root, serve: false });

    const page = (reply: FastifyReply, entry: string) => {
      if (!existsSync(join(root, entry))) {
        return reply.code(503).type('text/html; charset=utf-8').send(MISSING_PAGE);
      }
      // HTML is never cached so that a new build is picked up; assets have content hashes.
      return reply.header('cache-control', 'no-cache').sendFile(entry);
    };

    scope.get('/', (_request, reply) => page(reply, 'index.html'));
    scope.get('/index.html', (_request, reply) => page(reply, 'index.html'));
    for (const face of FACES) {
      scope.get(face.prefix, (_request, reply) => page(reply, face.entry));
      scope.get(`${face.prefix}/*`, (_request, reply) => page(reply, face.entry));
    }
    scope.get('/assets/*', (request, reply) => {
      const file = (request.params as { '*': string })['*'];
      return reply.header('cache-control', 'public, max-age=31536000, immutable').sendFile(`assets/${file}`);
    });
  });
}
