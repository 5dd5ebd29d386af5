import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BullBoardFastifyAdapter } from '@bull-board/fastify';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppModule } from 'src/app.module';
import { AppConfig, loadConfig } from 'src/config/config';
import { isStaff } from 'src/common/auth/principal';
import { TokenService } from 'src/common/auth/token.service';
import { DomainError, ErrorCode } from 'src/common/errors/domain-error';
import { ProblemFilter, sendProblem } from 'src/common/errors/problem.filter';
import { clientErrorHandler, frameworkErrors } from 'src/common/http/framework-errors';
import { refuseDeepBodies } from 'src/common/http/json-depth';
import { RateLimits } from 'src/common/http/rate-limits';
import { createValidationPipe } from 'src/common/http/validation.pipe';
import { PinoNestLogger, createPino } from 'src/common/logging/logger';
import { createDataSource } from 'src/database/data-source';
import { ensureDatabase, runMigrations } from 'src/database/migrate';
import { OutboxRelay } from 'src/database/outbox.relay';
import { QueueService } from 'src/queue/queue.service';
import { WorkerService } from 'src/queue/worker.service';
import { AuthService } from 'src/modules/auth/auth.service';
import { MetricsService } from 'src/modules/metrics/metrics.service';
import { registerWebFrontEnd } from 'src/modules/web/web-static';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** Creates the database when missing and applies pending migrations under an advisory lock. */
export async function prepareDatabase(config: AppConfig, logger = new Logger('Database')): Promise<void> {
  if (await ensureDatabase(config.databaseUrl)) logger.log('database created');
  const dataSource = createDataSource(config, 2);
  await dataSource.initialize();
  try {
    const applied = await runMigrations(dataSource, config.databaseUrl);
    if (applied.length) logger.log(`migrations applied: ${applied.join(', ')}`);
  } finally {
    await dataSource.destroy();
  }
}

export interface CreateAppOptions {
  /** Run the BullMQ workers in this process (npm start does unless WORKERS=off). */
  workers?: boolean;
  /** Move outbox rows to the queues from this process; by default wherever the workers run. */
  relay?: boolean;
}

export async function createApp(config: AppConfig = loadConfig(), options: CreateAppOptions = {}) {
  const pino = createPino(config.logLevel);
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    frameworkErrors,
    clientErrorHandler,
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: new PinoNestLogger(pino),
    abortOnError: false,
  });
  for (const warning of config.warnings) pino.warn(warning);

  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemFilter());
  app.enableShutdownHooks();

  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  const metrics = app.get(MetricsService);
  refuseDeepBodies(fastify, new Logger('HTTP'));
  await app.get(RateLimits).attach(fastify);
  fastify.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', String(request.id));
  });
  fastify.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions?.url ?? 'unmatched';
    const seconds = reply.elapsedTime / 1000;
    metrics.observe(request.method, route, reply.statusCode, seconds);
    // Paths only: query strings and bodies may carry personal data.
    pino.info(
      {
        requestId: request.id,
        method: request.method,
        route,
        status: reply.statusCode,
        ms: reply.elapsedTime,
      },
      'request',
    );
  });

  await registerQueueDashboard(app, fastify);
  await registerWebFrontEnd(fastify);
  setupOpenApi(app);

  await app.init();

  if (config.adminEmail && config.adminPassword) {
    await app.get(AuthService).ensureAdmin(config.adminEmail, config.adminPassword);
  }
  const workers = options.workers ?? config.workers;
  if (workers) app.get(WorkerService).start();
  // With WORKERS=off the API only writes: `npm run worker` relays and works, as the README says.
  if (options.relay ?? workers) await app.get(OutboxRelay).start();
  return app;
}

function setupOpenApi(app: NestFastifyApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Job fair and legal recruitment service')
      .setDescription(
        'Employers post vacancies; migrants apply online or at fair kiosks in their own language; ' +
          'every match and hire is checked against work-permit rules; labour department staff run fairs and reports. ' +
          'Errors are RFC 9457 application/problem+json.',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'docs/openapi.json',
    yamlDocumentUrl: 'docs/openapi.yaml',
  });
}

/** Bull Board at /admin/queues, for staff only (bearer token or the `jobfair_token` cookie). */
async function registerQueueDashboard(app: NestFastifyApplication, fastify: FastifyInstance): Promise<void> {
  const queues = app.get(QueueService);
  const tokens = app.get(TokenService);
  const serverAdapter = new BullBoardFastifyAdapter();
  serverAdapter.setBasePath('/admin/queues');
  createBullBoard({ queues: queues.allQueues().map((q) => new BullMQAdapter(q)), serverAdapter });
  const logger = new Logger('QueueDashboard');
  await fastify.register(async (scope) => {
    scope.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      const header = request.headers.authorization?.replace(/^Bearer\s+/i, '');
      const cookie = /(?:^|;\s*)jobfair_token=([^;]+)/.exec(request.headers.cookie ?? '')?.[1];
      const principal = await tokens.verify(header ?? cookie ?? '');
      if (!principal) {
        return sendProblem(
          request,
          reply,
          new DomainError(ErrorCode.Unauthenticated, 'Staff login required'),
          logger,
        );
      }
      if (!isStaff(principal)) {
        return sendProblem(request, reply, new DomainError(ErrorCode.Forbidden, 'Staff only'), logger);
      }
    });
    await scope.register(serverAdapter.registerPlugin() as never, { prefix: '/admin/queues' });
  });
}
