/**
 * PostgreSQL's instructions per vacancy search, counted by valgrind (callgrind): a figure that does not move with
 * the machine's load, for comparing two versions of the search statement on a shared 2-core machine where wall-clock
 * throughput varies by a third from one run to the next.
 *
 * Copies a database kept by `bench:search` (BENCH_KEEP_DATABASE=1) into a throwaway PostgreSQL cluster of its own,
 * started under `valgrind --tool=callgrind`, and runs each of the benchmark's twenty queries on a new connection:
 * `BENCH_ROUNDS` rounds over 3 regions × 2 filters (36 searches by default), through `SearchService` as the route does.
 * Prints the backend's instructions per search: its whole life, divided by the searches, so connection start,
 * catalog caches, the query's expansion and the first plans are spread over them; the same for every version. The
 * cluster and its files are removed at the end.
 *
 *   BENCH_DATABASE=jobfair_bench_search_… npm run bench:search-instructions
 *   BENCH_ROUNDS (default 6), BENCH_QUERIES (comma-separated, default the benchmark's twenty), BENCH_DATABASE_URL
 *
 * Needs valgrind and PostgreSQL's server programs (`pg_config --bindir`). Run as root, the cluster runs as the
 * `postgres` user.
 */
import 'reflect-metadata';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from 'src/config/config';
import { createDataSource } from 'src/database/data-source';
import { PostgresSearchIndex } from 'src/modules/search/postgres-search.index';
import { SearchService } from 'src/modules/search/search.service';
import { QUERIES } from './search-queries';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);
const REGIONS = ['RU-MOW', 'RU-MOS', 'KZ-75'];
const FILTERS: Array<{ schedule?: string; housing?: boolean }> = [
  { schedule: 'full_time' },
  { housing: true },
];
const PORT = 5499;

const log = (message: string) =>
  console.error(`[bench:search-instructions ${new Date().toISOString().slice(11, 19)}] ${message}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs a server program, as `postgres` when this process is root (PostgreSQL refuses to run as root). */
function asPostgres(bin: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
}

function run(bin: string, args: string[]): string {
  const [cmd, argv] = asPostgres(bin, args);
  return execFileSync(cmd, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

async function main(): Promise<void> {
  const source = process.env.BENCH_DATABASE;
  if (!source || !/^jobfair_bench_search_[a-z0-9_]+$/.test(source))
    throw new Error('BENCH_DATABASE must name a database kept by bench:search (BENCH_KEEP_DATABASE=1)');
  const queries = process.env.BENCH_QUERIES?.split(',').filter(Boolean) ?? QUERIES;
  const base = new URL(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  base.pathname = `/${source}`;
  const bindir = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
  execFileSync('valgrind', ['--version'], { stdio: 'ignore' });

  const dir = mkdtempSync(join(tmpdir(), 'jobfair-instructions-'));
  if (process.getuid?.() === 0)
    chownSync(dir, Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })), 0);
  let server: ChildProcess | undefined;
  try {
    log(`copying ${source} into a cluster of its own`);
    run(join(bindir, 'initdb'), ['-D', join(dir, 'data'), '-A', 'trust', '-U', 'postgres', '--no-sync']);
    const dump = join(dir, 'source.dump');
    execFileSync('pg_dump', ['-Fc', '-Z1', '-f', dump, base.toString()]);
    const settings = [
      '-p',
      String(PORT),
      '-k',
      dir,
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'autovacuum=off',
    ];
    run(join(bindir, 'pg_ctl'), [
      '-D',
      join(dir, 'data'),
      '-o',
      settings.join(' '),
      '-l',
      join(dir, 'log'),
      '-w',
      'start',
    ]);
    const url = `postgres://postgres@127.0.0.1:${PORT}`;
    execFileSync('psql', ['-d', `${url}/postgres`, '-qc', 'CREATE DATABASE search']);
    execFileSync('pg_restore', ['-d', `${url}/search`, '-j', '2', dump]);
    execFileSync('psql', ['-d', `${url}/search`, '-qc', 'VACUUM ANALYZE']);
    run(join(bindir, 'pg_ctl'), ['-D', join(dir, 'data'), '-w', 'stop']);

    log('starting it under valgrind');
    const [cmd, argv] = asPostgres('valgrind', [
      '--tool=callgrind',
      `--callgrind-out-file=${join(dir, 'cg.%p')}`,
      join(bindir, 'postgres'),
      '-D',
      join(dir, 'data'),
      ...settings,
    ]);
    server = spawn(cmd, argv, { stdio: 'ignore' });
    for (let i = 0; ; i++) {
      try {
        execFileSync('pg_isready', ['-d', `${url}/search`, '-q']);
        break;
      } catch {
        if (i > 120) throw new Error('the cluster under valgrind did not start');
        await sleep(1000);
      }
    }

    const config = loadConfig({ ...process.env, DATABASE_URL: `${url}/search` });
    const rows: Array<[string, number]> = [];
    for (const q of queries) {
      const ds = createDataSource(config, 1);
      await ds.initialize();
      const search = new SearchService(new PostgresSearchIndex(ds));
      const [{ pid }] = (await ds.query('SELECT pg_backend_pid() AS pid')) as Array<{ pid: number }>;
      let searches = 0;
      for (let round = 0; round < ROUNDS; round++) {
        for (const region of REGIONS) {
          for (const filter of FILTERS) {
            await search.searchVacancies({ q, region, ...filter, page: 1, pageSize: 20 });
            searches++;
          }
        }
      }
      await ds.destroy();
      // callgrind writes the backend's counts when it exits.
      const file = join(dir, `cg.${pid}`);
      let total: number | undefined;
      for (let i = 0; i < 300 && total === undefined; i++) {
        await sleep(100);
        const m = existsSync(file) ? /^(?:summary|totals): (\d+)/m.exec(readFileSync(file, 'utf8')) : null;
        if (m) total = Number(m[1]);
      }
      if (total === undefined) throw new Error(`no counts for "${q}"`);
      rows.push([q, total / searches / 1e6]);
      log(`${q}: ${(total / searches / 1e6).toFixed(2)} M instructions per search`);
    }
    const mean = rows.reduce((sum, [, m]) => sum + m, 0) / rows.length;
    console.log(`## PostgreSQL instructions per search — ${new Date().toISOString()}`);
    console.log('');
    console.log(
      `${ROUNDS * REGIONS.length * FILTERS.length} searches per query on a new connection (callgrind)`,
    );
    console.log('');
    console.log('| query | million instructions per search |');
    console.log('| --- | --: |');
    for (const [q, m] of rows) console.log(`| ${q} | ${m.toFixed(2)} |`);
    console.log(`| mean | ${mean.toFixed(2)} |`);
  } finally {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server!.once('exit', resolve));
      try {
        run(join(bindir, 'pg_ctl'), ['-D', join(dir, 'data'), '-m', 'fast', '-w', 'stop']);
      } catch {
        server.kill('SIGKILL');
      }
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
