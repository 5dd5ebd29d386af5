import { binder } from 'src/database/sql-params';
import { OwnQuery } from 'src/modules/search/postgres-search.own-query';
import type { TextPlan } from 'src/modules/search/postgres-search.plan';
import { orOf } from 'src/modules/search/postgres-search.plan';

const plan = (over: Partial<TextPlan>): TextPlan => ({
  rank: '',
  codes: [],
  weights: [],
  covered: [],
  partial: [],
  clauses: [],
  ...over,
});

describe('orOf', () => {
  it('leaves a single alternative as it is and brackets several', () => {
    expect(orOf(["'povar':*"])).toBe("'povar':*");
    expect(orOf(["'svarshk':*", "'svarshik'"])).toBe("('svarshk':* | 'svarshik')");
  });
});

describe('OwnQuery', () => {
  const twoWords = plan({
    covered: ['5120'],
    partial: ['9313'],
    clauses: [
      {
        words: [
          { text: "'povar':*", codes: ['5120'] },
          { text: "'moskv':*", codes: [] },
        ],
        lead: 0,
      },
      { words: [{ text: "'cook':*", codes: [] }], lead: -1 },
    ],
  });

  it('allows each word as an own word or as the code of an occupation whose terms hold it', () => {
    const params: unknown[] = [];
    const sql = new OwnQuery(twoWords, binder(params)).full();
    expect(sql).toBe('(($1::tsquery || $2::tsquery) && $3::tsquery) || ($4::tsquery)');
    expect(params).toEqual(["'povar':*", "'#5120'", "'moskv':*", "'cook':*"]);
  });

  it('leads each clause by its word that names occupations, or all its words, leaving out covered occupations', () => {
    const params: unknown[] = [];
    const sql = new OwnQuery(twoWords, binder(params)).lead();
    expect(sql).toBe('($1::tsquery || ($2::tsquery)) && !! $3::tsquery');
    expect(params).toEqual(["'povar':*", "'cook':*", "'#5120'"]);
  });

  it('binds a word once however often it is used', () => {
    const params: unknown[] = [];
    const own = new OwnQuery(twoWords, binder(params));
    own.full();
    own.lead();
    expect(params.filter((p) => p === "'povar':*")).toHaveLength(1);
  });

  it('excludes nothing when no occupation is covered', () => {
    const sql = new OwnQuery(
      plan({ clauses: [{ words: [{ text: "'x'", codes: [] }], lead: -1 }] }),
      binder([]),
    ).lead();
    expect(sql).toBe('(($1::tsquery))');
  });
});
