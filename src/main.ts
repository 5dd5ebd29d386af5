import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfig, ConfigError } from 'src/config/config';
import { createApp, prepareDatabase } from 'src/bootstrap';
import { DemoSeedService, formatDemoLogins } from 'src/modules/demo/demo-seed.service';

async function main(): Promise<void> {
  const config = loadConfig();
  await prepareDatabase(config);
  const app = await createApp(config);
  if (config.demo) {
    const demo = app.get(DemoSeedService);
    if (await demo.isEmpty()) {
      new Logger('Main').log('DEMO is on and the database is empty: loading the demo fair (about a minute)');
      process.stdout.write(`${formatDemoLogins(await demo.seed(), config.publicBaseUrl)}\n`);
    }
  }
  await app.listen({ port: config.port, host: config.host });
  new Logger('Main').log(`API listening on http://localhost:${config.port} (docs at /docs)`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('Start failed:', error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
