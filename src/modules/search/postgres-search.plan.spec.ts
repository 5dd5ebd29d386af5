import { ReferenceCatalog } from 'src/modules/reference/reference.catalog';
import { planOf, QueryPlanner } from 'src/modules/search/postgres-search.plan';
import { recordingDataSource } from 'test/harness/recording-data-source';

/** A row of the expansion query: word, configuration, tsquery, occupations whose terms hold it. */
const row = (w: string, config: string, tsq: string, codes: string[] = [], useful = true) => ({
  w,
  config,
  tsq,
  codes,
  useful,
});

describe('planOf', () => {
  it('covers an occupation whose terms hold every word of a clause and partly covers one holding some', () => {
    const plan = planOf(
      [
        row('povar', 'simple', "'povar':*", ['5120', '9412']),
        row('moskva', 'simple', "'moskva':*", ['5120']),
      ],
      [['povar', 'moskva']],
      [{ code: '5120', weight: 0.9 }],
    );
    expect(plan.covered).toEqual(['5120']);
    expect(plan.partial).toEqual(['9412']);
    expect(plan.codes).toEqual(['5120']);
    expect(plan.weights).toEqual([0.9]);
    expect(plan.rank).toBe("(('povar':*) & ('moskva':*))");
    expect(plan.clauses).toEqual([
      {
        words: [
          { text: "('povar':*)", codes: ['5120', '9412'] },
          { text: "('moskva':*)", codes: ['5120'] },
        ],
        lead: 0,
      },
    ]);
  });

  it('ORs a word with its corrections and leaves out stop words and codes that are no occupation', () => {
    const plan = planOf(
      [
        row('svarshk', 'russian', "'svarshk':*", ['7212', '#x']),
        row('svarshk', 'russian', "'svarshik'"),
        row('v', 'russian', '', [], false),
      ],
      [['v', 'svarshk']],
      [],
    );
    expect(plan.clauses).toEqual([
      { words: [{ text: "(('svarshk':*) | ('svarshik'))", codes: ['7212'] }], lead: 0 },
    ]);
  });

  it('has a clause per configuration and variant, led by all its words when none names an occupation', () => {
    const plan = planOf(
      [
        row('cook', 'russian', "'cook':*"),
        row('cook', 'simple', "'cook':*"),
        row('kuk', 'simple', "'kuk':*"),
      ],
      [['cook'], ['kuk']],
      [],
    );
    expect(plan.clauses.map((c) => c.words.map((w) => w.text))).toEqual([
      ["('cook':*)"],
      ["('cook':*)"],
      ["('kuk':*)"],
    ]);
    expect(plan.clauses.every((c) => c.lead === -1)).toBe(true);
    expect(plan.rank).toBe("(('cook':*)) | (('cook':*)) | (('kuk':*))");
  });
});

describe('QueryPlanner', () => {
  const catalog = ReferenceCatalog.load();

  it('asks PostgreSQL once for a query asked twice', async () => {
    const { db, statements } = recordingDataSource(() => [row('povar', 'simple', "'povar':*")]);
    const planner = new QueryPlanner(db, catalog);
    const first = await planner.queryPlan('повар');
    const second = await planner.queryPlan('повар');
    expect(second).toBe(first);
    expect(statements).toHaveLength(1);
    expect(statements[0].params[3]).toBe(true); // corrections asked for
  });

  it('plans trade words without corrections, apart from a query of the same words', async () => {
    const { db, statements } = recordingDataSource(() => []);
    const planner = new QueryPlanner(db, catalog);
    await planner.wordsPlan([['povar']]);
    await planner.wordsPlan([['povar']]);
    await planner.queryPlan('povar');
    expect(statements.map((s) => s.params[3])).toEqual([false, true]);
  });

  it('answers no plan, without asking, for a query with no words', async () => {
    const { db, statements } = recordingDataSource();
    expect(await new QueryPlanner(db, catalog).queryPlan('  ,, ')).toBeUndefined();
    expect(statements).toHaveLength(0);
  });

  it('forgets a plan that failed, so the next search asks again', async () => {
    let fail = true;
    const { db, statements } = recordingDataSource(() => {
      if (fail) throw new Error('connection lost');
      return [];
    });
    const planner = new QueryPlanner(db, catalog);
    await expect(planner.queryPlan('повар')).rejects.toThrow('connection lost');
    fail = false;
    await expect(planner.queryPlan('повар')).resolves.toBeDefined();
    expect(statements).toHaveLength(2);
  });
});
