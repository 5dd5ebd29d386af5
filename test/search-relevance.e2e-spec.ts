import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { loadConfig } from 'src/config/config';
import { createDataSource } from 'src/database/data-source';
import { PostgresSearchIndex } from 'src/modules/search/postgres-search.index';
import type { SearchIndex } from 'src/modules/search/search.types';
import { copyTables, dropTables } from 'test/fixtures/search/tables';
import {
  RELEVANCE_QUERIES,
  RelevanceQuery,
  generateMigrants,
  generateVacancies,
} from 'test/fixtures/search/corpus';

/**
 * Relevance on a fixed corpus of 300 Russian vacancies and 200 profiles: queries in ru, uz (Latin and
 * Cyrillic), tg, ky, en, Russian typed in Latin letters, and with typos must bring the meant
 * occupation's vacancies to the top. precision@10 and NDCG@10 are reported in docs/SEARCH.md.
 */
const K = 10;
const vacancies = generateVacancies(300, 42);
const migrants = generateMigrants(200, 7);

function relevantCodes(q: RelevanceQuery): Set<string> {
  return new Set([q.code, ...(q.alsoRelevant ?? [])]);
}

function metrics(q: RelevanceQuery, rankedCodes: string[]) {
  const relevant = relevantCodes(q);
  const available = vacancies.filter((v) => relevant.has(v.occupationCode)).length;
  const ideal = Math.min(K, available);
  const top = rankedCodes.slice(0, K);
  const hits = top.filter((c) => relevant.has(c)).length;
  let dcg = 0;
  top.forEach((c, i) => {
    if (relevant.has(c)) dcg += 1 / Math.log2(i + 2);
  });
  let idcg = 0;
  for (let i = 0; i < ideal; i++) idcg += 1 / Math.log2(i + 2);
  return { precision: ideal ? hits / ideal : 1, ndcg: idcg ? dcg / idcg : 1 };
}

describe('search relevance (postgres adapter, 300 vacancies, 200 profiles)', () => {
  let db: DataSource;
  let index: SearchIndex;
  const prefix = `rel_${randomUUID().replace(/-/g, '').slice(0, 10)}`;
  const results: Array<{ q: RelevanceQuery; precision: number; ndcg: number; first: string }> = [];

  beforeAll(async () => {
    db = createDataSource(loadConfig(), 4);
    await db.initialize();
    await copyTables(db, prefix);
    index = new PostgresSearchIndex(db, { tablePrefix: prefix });
    await index.upsertVacancies(vacancies);
    await index.upsertMigrants(migrants);
  });

  afterAll(async () => {
    if (results.length) {
      const mean = (f: (r: (typeof results)[number]) => number, rows = results) =>
        rows.reduce((s, r) => s + f(r), 0) / rows.length;
      const kinds = [...new Set(results.map((r) => r.q.kind))];
      const lines = kinds.map((kind) => {
        const rows = results.filter((r) => r.q.kind === kind);
        return `| ${kind} | ${rows.length} | ${mean((r) => r.precision, rows).toFixed(3)} | ${mean((r) => r.ndcg, rows).toFixed(3)} |`;
      });
      lines.push(
        `| all | ${results.length} | ${mean((r) => r.precision).toFixed(3)} | ${mean((r) => r.ndcg).toFixed(3)} |`,
      );
      console.log(`| queries | n | precision@10 | NDCG@10 |\n| --- | --- | --- | --- |\n${lines.join('\n')}`);
    }
    if (db?.isInitialized) await dropTables(db, prefix);
    await db?.destroy();
  });

  it.each(RELEVANCE_QUERIES.map((q) => [q.kind, q.q, q]))(
    '%s query "%s" puts the meant occupation first and fills the top 10 with it',
    async (_kind, _q, q) => {
      const query = q as RelevanceQuery;
      const res = await index.searchVacancies({ q: query.q, offset: 0, limit: K });
      const codes = res.hits.map((h) => h.doc.occupationCode);
      const m = metrics(query, codes);
      results.push({ q: query, ...m, first: codes[0] });
      expect(relevantCodes(query).has(codes[0])).toBe(true);
      expect(m.precision).toBeGreaterThanOrEqual(0.8);
    },
  );

  it('holds mean precision@10 and NDCG@10 at 0.95 or more over all queries', () => {
    const n = results.length;
    expect(n).toBe(RELEVANCE_QUERIES.length);
    expect(results.reduce((s, r) => s + r.precision, 0) / n).toBeGreaterThanOrEqual(0.95);
    expect(results.reduce((s, r) => s + r.ndcg, 0) / n).toBeGreaterThanOrEqual(0.95);
  });

  it('finds the profiles of a trade first among the candidates for its vacancy', async () => {
    for (const code of ['5120', '7212', '9333', '8332']) {
      const found = await index.matchMigrants({
        occupationCode: code,
        minorGroup: code.slice(0, 3),
        textWords: [],
        appliedIds: [],
        limit: 20,
      });
      const expected = migrants.filter((m) => m.visible && m.occupations.some((o) => o.code === code)).length;
      const top = found.slice(0, Math.min(expected, 20));
      expect(top.length).toBeGreaterThan(0);
      for (const hit of top) expect(hit.doc.occupations.map((o) => o.code)).toContain(code);
    }
  });
});
