import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from 'src/app.module';
import { ConfigError, loadConfig } from 'src/config/config';
import { prepareDatabase } from 'src/bootstrap';
import { PinoNestLogger, createPino } from 'src/common/logging/logger';
import { OutboxRelay } from 'src/database/outbox.relay';
import { WorkerService } from 'src/queue/worker.service';

/** Queue workers and the outbox relay without the HTTP server, for deployments that scale them apart. */
async function main(): Promise<void> {
  const config = loadConfig();
  await prepareDatabase(config);
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), {
    logger: new PinoNestLogger(createPino(config.logLevel)),
  });
  app.enableShutdownHooks();
  app.get(WorkerService).start();
  await app.get(OutboxRelay).start();
  new Logger('Worker').log('workers and outbox relay running');
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
