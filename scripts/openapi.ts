/**
 * Writes the service's OpenAPI document to docs/openapi.json without a database or Redis: Nest's
 * preview mode reads the controllers and DTOs but instantiates no provider. `npm run api:types` then
 * turns it into web/src/api/schema.d.ts, so a changed DTO breaks the web type check.
 */
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from 'src/app.module';
import { loadConfig } from 'src/config/config';

async function main(): Promise<void> {
  const out = process.argv[2] ?? join(__dirname, '..', 'docs', 'openapi.json');
  // Development defaults: nothing is connected, so no secret of this machine is needed or read.
  const app = await NestFactory.create(
    AppModule.forRoot(loadConfig({ NODE_ENV: 'development' })),
    new FastifyAdapter(),
    {
      preview: true,
      logger: false,
      abortOnError: false,
    },
  );
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Job fair and legal recruitment service')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  // Every route reads Accept-Language when it is there; the browser always sends one, so the typed
  // client need not be told to pass it by hand.
  for (const item of Object.values(document.paths))
    for (const op of Object.values(item) as Array<{
      parameters?: Array<{ in: string; name: string; required?: boolean }>;
    }>)
      for (const p of op?.parameters ?? [])
        if (p.in === 'header' && p.name === 'accept-language') p.required = false;
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(document, null, 2)}\n`);
  await app.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
