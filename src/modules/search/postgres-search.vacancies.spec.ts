import type { QueryPlanner, TextPlan } from 'src/modules/search/postgres-search.plan';
import { searchTables } from 'src/modules/search/postgres-search.tables';
import { filterSql, VacancySearch } from 'src/modules/search/postgres-search.vacancies';
import type { VacancySummary } from 'src/modules/search/search.types';
import { CARD_FIELDS, toCard } from 'src/modules/search/vacancy-card';
import { recordingDataSource } from 'test/harness/recording-data-source';

describe('filterSql', () => {
  it('binds every filter as a parameter', () => {
    const params: unknown[] = [];
    const where = filterSql(
      {
        region: 'RU-MOW',
        occupation: '5120',
        salaryMin: 60000,
        schedule: 'shift',
        housing: false,
        foreignersAccepted: true,
        fairId: 'f1',
        employerId: 'e1',
      },
      params,
    );
    expect(where).toEqual([
      'v.region = $1',
      'v.occupation_code = $2',
      'v.salary_monthly >= $3',
      'v.schedule = $4',
      'v.housing = $5',
      'v.foreigners_accepted = $6',
      'v.fair_ids @> ARRAY[$7::uuid]',
      'v.employer_id = $8',
    ]);
    expect(params).toEqual(['RU-MOW', '5120', 60000, 'shift', false, true, 'f1', 'e1']);
  });

  it('reads an occupation of four digits as the unit group, of three as the minor group, shorter as a prefix', () => {
    expect(filterSql({ occupation: '512' }, [])).toEqual(['v.occupation_minor = $1']);
    expect(filterSql({ occupation: '51' }, [])).toEqual(["v.occupation_minor LIKE $1 || '%'"]);
  });

  it('adds nothing for filters not given', () => {
    expect(filterSql({}, [])).toEqual([]);
  });
});

describe('VacancySearch', () => {
  const plan: TextPlan = {
    rank: "('povar':*)",
    codes: ['5120'],
    weights: [1],
    covered: ['5120'],
    partial: [],
    clauses: [{ words: [{ text: "('povar':*)", codes: ['5120'] }], lead: 0 }],
  };
  const planner = { queryPlan: jest.fn(async () => plan) } as unknown as QueryPlanner;
  const answer = {
    scores: [1.2, 0.12345],
    cards: null,
    counts: [
      [0, 'RU-MOW', null, 3],
      [0, 'RU-SPE', null, 3],
      [0, 'RU-KDA', null, 5],
      [1, null, '5120', 11],
      [2, null, null, 11],
    ],
  };

  it('answers the total and the facets, larger first and ties by value, in one prepared statement', async () => {
    const { db, statements } = recordingDataSource(() => [answer]);
    const result = await new VacancySearch(db, searchTables(), planner).searchVacancies({
      offset: 0,
      limit: 20,
    });
    expect(result.total).toBe(11);
    expect(result.facets.region).toEqual([
      { value: 'RU-KDA', count: 5 },
      { value: 'RU-MOW', count: 3 },
      { value: 'RU-SPE', count: 3 },
    ]);
    expect(result.facets.occupation).toEqual([{ value: '5120', count: 11 }]);
    expect(statements).toHaveLength(1);
    expect(statements[0].via).toBe('prepared');
    expect(statements[0].name).toMatch(/^q_[0-9a-f]{24}$/);
  });

  it('lists newest first without words, and ranks in windows with them', async () => {
    const { db, statements } = recordingDataSource(() => [answer]);
    const search = new VacancySearch(db, searchTables('test_s'), planner);
    await search.searchVacancies({ offset: 0, limit: 20 });
    await search.searchVacancies({ q: 'povar', offset: 70, limit: 20 });
    expect(statements[0].text).toContain('ORDER BY v.published_at DESC, v.id LIMIT $1 OFFSET $2');
    expect(statements[0].text).toContain('FROM test_s_vacancy_counts v');
    expect(statements[0].params).toEqual([20, 0]);
    expect(statements[1].text).toContain("search_own_words('test_s_vacancies'");
    expect(statements[1].text).toContain('win.pos / 60 AS chunk');
    // The page of rows 70..89 lies in the window of rows 60..119: rows past 120 are not ranked.
    // Each covered occupation's newest rows and the ranked window stop at row 120.
    const windowEnd = statements[1].params.indexOf(120) + 1;
    expect(windowEnd).toBeGreaterThan(0);
    expect(statements[1].text).toContain(`ORDER BY v.published_at DESC, v.id LIMIT $${windowEnd}) v`);
    expect(statements[1].text).toContain(`ORDER BY prior DESC, published_at DESC, id LIMIT $${windowEnd}) t`);
    expect(statements[1].params.slice(-3)).toEqual([60, 20, 10]);
    expect(statements[1].text).toContain('sum(v.n)::int AS n FROM test_s_vacancy_counts v');
  });

  it('sums whole occupations from the kept counts only when every filter is one of their columns', async () => {
    const { db, statements } = recordingDataSource(() => [answer]);
    const search = new VacancySearch(db, searchTables('test_s'), planner);
    const base = { q: 'povar', offset: 0, limit: 20 };
    await search.searchVacancies({ ...base, region: 'RU-MOW', schedule: 'shift', housing: true });
    await search.searchVacancies({ ...base, region: 'RU-MOW', salaryMin: 60000 });
    await search.searchVacancies({ ...base, employerId: 'e1' });
    await search.searchVacancies({ offset: 0, limit: 20, fairId: 'f1' });
    expect(statements[0].text).toContain('FROM test_s_vacancy_counts v');
    expect(statements[0].text).toContain('v.schedule = $');
    for (const s of statements.slice(1)) expect(s.text).not.toContain('test_s_vacancy_counts');
    expect(statements[1].text).toContain('count(*)::int AS n');
  });

  it('keeps scores within 0..1 at three decimals, in the order of the cards', async () => {
    const card = (id: string) =>
      toCard(
        Object.fromEntries(CARD_FIELDS.map((f) => [f, f === 'id' ? id : null])) as unknown as VacancySummary,
      );
    const { db } = recordingDataSource(() => [{ ...answer, cards: `${card('a')},${card('b')}` }]);
    const result = await new VacancySearch(db, searchTables(), planner).searchVacancies({
      offset: 0,
      limit: 5,
    });
    expect(result.hits.map((h) => [h.doc.id, h.score])).toEqual([
      ['a', 1],
      ['b', 0.123],
    ]);
  });

  it('counts nothing when nothing matched', async () => {
    const { db } = recordingDataSource(() => [{ scores: null, cards: null, counts: null }]);
    const result = await new VacancySearch(db, searchTables(), planner).searchVacancies({
      offset: 0,
      limit: 5,
    });
    expect(result).toEqual({ hits: [], total: 0, facets: { region: [], occupation: [] } });
  });
});
