import 'reflect-metadata';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { parseArgs } from 'node:util';
import { AppModule } from 'src/app.module';
import { AppConfig, ConfigError, loadConfig } from 'src/config/config';
import { prepareDatabase } from 'src/bootstrap';
import { PinoNestLogger, createPino } from 'src/common/logging/logger';
import { AuthService } from 'src/modules/auth/auth.service';
import { SEARCH_KINDS, ReindexService, progressBar } from 'src/modules/search/reindex.service';
import { DemoRefusedError, DemoSeedService, formatDemoLogins } from 'src/modules/demo/demo-seed.service';

type Command = {
  summary: string;
  /** Whether the command needs the application context (database, queues). */
  needsApp: boolean;
  run: (args: string[], config: AppConfig, app?: INestApplicationContext) => Promise<void>;
};

/** Admin commands: `npm run cli -- <command> [options]`. */
export const COMMANDS: Record<string, Command> = {
  migrate: {
    summary: 'create the database if missing and apply pending migrations',
    needsApp: false,
    run: async (_args, config) => {
      await prepareDatabase(config);
      console.log('migrations are up to date');
    },
  },
  'create-staff': {
    summary: 'create a staff user: --email E --password P [--name N] [--role staff|admin]',
    needsApp: true,
    run: async (args, _config, app) => {
      const { values } = parseArgs({
        args,
        options: {
          email: { type: 'string' },
          password: { type: 'string' },
          name: { type: 'string' },
          role: { type: 'string', default: 'staff' },
        },
      });
      if (!values.email || !values.password) throw new Error('--email and --password are required');
      if (values.role !== 'staff' && values.role !== 'admin')
        throw new Error('--role must be staff or admin');
      const created = await app!.get(AuthService).createStaff({
        email: values.email,
        password: values.password,
        displayName: values.name ?? values.email,
        role: values.role,
      });
      console.log(`created ${created.role} ${created.email} (${created.id})`);
    },
  },
  reindex: {
    summary: 'rebuild the search index from the database: [vacancies|migrants] (both when omitted)',
    needsApp: true,
    run: async (args, _config, app) => {
      const kinds = args.length ? args : SEARCH_KINDS;
      for (const kind of kinds) {
        if (!SEARCH_KINDS.includes(kind as never)) throw new Error(`reindex: unknown index "${kind}"`);
      }
      for (const kind of kinds as typeof SEARCH_KINDS) {
        const started = Date.now();
        const count = await app!.get(ReindexService).reindex(kind, progressBar(kind));
        console.log(`reindexed ${count} ${kind} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      }
    },
  },
  'seed-demo': {
    summary: 'fill an EMPTY database with a demo fair (employers, vacancies, migrants, applications, hires)',
    needsApp: true,
    run: async (_args, config, app) => {
      try {
        const result = await app!.get(DemoSeedService).seed();
        console.log(formatDemoLogins(result, config.publicBaseUrl));
      } catch (error) {
        if (!(error instanceof DemoRefusedError)) throw error;
        console.log(error.message);
        process.exitCode = 1;
      }
    },
  },
};

async function main(argv: string[]): Promise<void> {
  const [name, ...args] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    console.log('usage: npm run cli -- <command> [options]\n');
    for (const [key, c] of Object.entries(COMMANDS)) console.log(`  ${key.padEnd(16)} ${c.summary}`);
    process.exitCode = name ? 1 : 0;
    return;
  }
  const config = loadConfig();
  if (!command.needsApp) return command.run(args, config);
  await prepareDatabase(config);
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), {
    logger: new PinoNestLogger(createPino('warn')),
  });
  try {
    await command.run(args, config, app);
  } finally {
    await app.close();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `error: ${(error as Error).message}`);
  process.exit(1);
});
