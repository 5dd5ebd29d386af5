/**
 * Each benchmark query's own time, one search after another on one connection (no load, no HTTP), through
 * `SearchService` as the route calls it: per query, the median and the slowest over regions × filters × rounds, the
 * median countrywide (no region), and the largest total found. Run against a database kept by `bench:search`:
 *
 *   BENCH_DATABASE=jobfair_bench_search_… npm run bench:search-per-query
 *   BENCH_ROUNDS (default 3)
 *
 * For finding which queries grow with the index (docs/SEARCH.md, "Search at a million vacancies"), not for the
 * published throughput figures, which come from `bench:search`.
 */
import 'reflect-metadata';
import { loadConfig } from 'src/config/config';
import { createDataSource } from 'src/database/data-source';
import { PostgresSearchIndex } from 'src/modules/search/postgres-search.index';
import { SearchService } from 'src/modules/search/search.service';
import { QUERIES } from './search-queries';

const REGIONS = ['RU-MOW', 'RU-MOS', 'RU-SPE', 'RU-TA', 'KZ-75'];
const FILTERS: Array<{ schedule?: string; housing?: boolean }> = [
  { schedule: 'full_time' },
  { housing: true },
];
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const name = process.env.BENCH_DATABASE;
  if (!name) throw new Error('BENCH_DATABASE: the name of a database kept by bench:search');
  const url = new URL(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/${name}`;
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'development',
    DATABASE_URL: url.toString(),
    SEARCH_DRIVER: 'postgres',
    WORKERS: 'off',
    LOG_LEVEL: 'error',
  });
  const db = createDataSource(config, 1);
  await db.initialize();
  const search = new SearchService(new PostgresSearchIndex(db));
  const lines = ['| query | region median ms | region max ms | countrywide median ms | largest total |'];
  lines.push('| --- | --: | --: | --: | --: |');
  const all: number[] = [];
  try {
    for (const q of QUERIES) {
      const regional: number[] = [];
      const countrywide: number[] = [];
      let largest = 0;
      // Round 0 warms the plan cache and the buffers; it is not counted.
      for (let round = 0; round <= ROUNDS; round++) {
        for (const region of [...REGIONS, undefined]) {
          for (const filter of FILTERS) {
            const t0 = process.hrtime.bigint();
            const res = await search.searchVacancies({ q, region, ...filter, page: 1, pageSize: 20 });
            const ms = Number(process.hrtime.bigint() - t0) / 1e6;
            largest = Math.max(largest, res.total);
            if (round === 0) continue;
            (region ? regional : countrywide).push(ms);
          }
        }
      }
      all.push(median(regional));
      lines.push(
        `| ${q} | ${median(regional).toFixed(1)} | ${Math.max(...regional).toFixed(1)} | ` +
          `${median(countrywide).toFixed(1)} | ${largest.toLocaleString('en-US')} |`,
      );
    }
  } finally {
    await db.destroy();
  }
  console.log(lines.join('\n'));
  console.log(`\nMedian over the queries of their regional medians: ${median(all).toFixed(1)} ms`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
