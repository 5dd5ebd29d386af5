/**
 * Each benchmark query's own time, one search after another on one connection (no load, no HTTP), through
 * `SearchService` as the route calls it: per query, the median and the slowest over regions × filters × rounds, the
 * median countrywide (no region), and the largest total found. Run against a database kept by `bench:search`:
 *
 *   BENCH_DATABASE=jobfair_bench_search_… npm run bench:search-per-query
 *   BENCH_ROUNDS (default 3)
 *
 * Then, with BENCH_DURATION > 0 (default 12 s), 8 clients at once over the same queries, regions and filters picked
 * at random: per query (inside Moscow or elsewhere), how many ran, p50, p95 and its share of all the time spent, so
 * that the queries that make a load run's tail are named.
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
  const db = createDataSource(config, 8);
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
    console.log(lines.join('\n'));
    console.log(`\nMedian over the queries of their regional medians: ${median(all).toFixed(1)} ms`);
    const duration = Number(process.env.BENCH_DURATION ?? 12);
    if (duration > 0) console.log(`\n${await concurrent(search, duration)}`);
  } finally {
    await db.destroy();
  }
}

/** 8 clients for `seconds`: per query and place, count, p50, p95 and share of the time, largest share first. */
async function concurrent(search: SearchService, seconds: number): Promise<string> {
  let seed = 7;
  const r = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const regions = [
    'RU-MOW',
    'RU-MOW',
    'RU-MOW',
    'RU-MOS',
    'RU-MOS',
    'RU-SPE',
    'RU-KDA',
    'RU-SVE',
    'RU-TA',
    'KZ-75',
  ];
  const schedules = ['full_time', 'full_time', 'shift', 'rotation'];
  const times = new Map<string, number[]>();
  const end = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (Date.now() < end) {
        const q = QUERIES[Math.floor(r() * QUERIES.length)];
        const region = regions[Math.floor(r() * regions.length)];
        const filter =
          r() < 0.5 ? { schedule: schedules[Math.floor(r() * schedules.length)] } : { housing: true };
        const t0 = process.hrtime.bigint();
        await search.searchVacancies({ q, region, ...filter, page: 1, pageSize: 20 });
        const key = `${q} (${region === 'RU-MOW' ? 'Moscow' : 'elsewhere'})`;
        times.set(key, [...(times.get(key) ?? []), Number(process.hrtime.bigint() - t0) / 1e6]);
      }
    }),
  );
  const total = [...times.values()].flat().reduce((a, b) => a + b, 0);
  const rows = [...times]
    .map(([key, ts]) => ({ key, ts: [...ts].sort((a, b) => a - b), sum: ts.reduce((a, b) => a + b, 0) }))
    .sort((a, b) => b.sum - a.sum);
  const count = rows.reduce((a, x) => a + x.ts.length, 0);
  const out = [`8 clients, ${seconds} s: ${count.toLocaleString('en-US')} searches`];
  out.push('| query | searches | p50 ms | p95 ms | share of the time |', '| --- | --: | --: | --: | --: |');
  for (const x of rows.slice(0, 10)) {
    const p = (f: number) => x.ts[Math.min(x.ts.length - 1, Math.floor(x.ts.length * f))].toFixed(1);
    out.push(
      `| ${x.key} | ${x.ts.length} | ${p(0.5)} | ${p(0.95)} | ${((100 * x.sum) / total).toFixed(1)} % |`,
    );
  }
  return out.join('\n');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
