import { CandidateSearch } from 'src/modules/search/postgres-search.candidates';
import type { QueryPlanner } from 'src/modules/search/postgres-search.plan';
import { searchTables } from 'src/modules/search/postgres-search.tables';
import type { MigrantDocument, VacancySummary } from 'src/modules/search/search.types';
import { CARD_FIELDS, toCard } from 'src/modules/search/vacancy-card';
import { recordingDataSource, type Recorded } from 'test/harness/recording-data-source';

const person = (id: string) => ({ id }) as MigrantDocument;
const card = (id: string, region: string) =>
  toCard(
    Object.fromEntries(
      CARD_FIELDS.map((f) => [
        f,
        f === 'id' ? id : f === 'region' ? region : f === 'publishedAt' ? '2026-01-01' : null,
      ]),
    ) as unknown as VacancySummary,
  );
const planner = { wordsPlan: jest.fn() } as unknown as QueryPlanner;

describe('CandidateSearch.matchMigrants', () => {
  // Each tier answers by the text of its statement.
  const tiers = (s: Recorded): unknown[] => {
    if (s.text.includes('m.id = ANY($4::uuid[])')) return [{ id: 'p1', fit: 0.5 }];
    if (s.text.includes('string_agg(m.doc::text'))
      return [{ docs: JSON.stringify([person('p5'), person('p2')]).slice(1, -1) }];
    if (s.text.includes('0.6::float8 AS fit')) return [{ id: 'p3', fit: 0.6 }];
    if (s.text.includes('FROM search_occupations o'))
      return [
        { id: 'p4', fit: 0.3 },
        { id: 'p1', fit: 0.2 },
      ];
    if (s.text.startsWith('SELECT id, doc FROM'))
      return (s.params[0] as string[]).map((id) => ({ id, doc: person(id) }));
    throw new Error(`unexpected statement ${s.text}`);
  };

  it('keeps each person at their best tier, best first and ties by id', async () => {
    const { db } = recordingDataSource(tiers);
    const found = await new CandidateSearch(db, searchTables(), planner).matchMigrants({
      occupationCode: '5120',
      minorGroup: '512',
      textWords: ['повар', 'cook', 'повар'],
      appliedIds: ['p1'],
      limit: 10,
    });
    expect(found.map((r) => [r.doc.id, r.textScore])).toEqual([
      ['p2', 1],
      ['p5', 1],
      ['p3', 0.6],
      ['p1', 0.5],
      ['p4', 0.3],
    ]);
  });

  it('asks the other unit groups of the minor group and the text tier with the words as prefixes, once each', async () => {
    const { db, statements } = recordingDataSource(tiers);
    await new CandidateSearch(db, searchTables(), planner).matchMigrants({
      occupationCode: '5120',
      minorGroup: '512',
      textWords: ['повар', 'cook', 'повар'],
      appliedIds: [],
      limit: 10,
    });
    const siblings = statements.find((s) => s.text.includes('0.6::float8 AS fit'));
    expect(siblings?.params).toEqual([
      10,
      ['5121', '5122', '5123', '5124', '5125', '5126', '5127', '5128', '5129'],
    ]);
    const text = statements.find((s) => s.text.includes('FROM search_occupations o'));
    expect(text?.params).toEqual([10, 'повар:* | cook:*', '512']);
  });

  it('stops at the same trade when it fills the list', async () => {
    const { db, statements } = recordingDataSource(tiers);
    const found = await new CandidateSearch(db, searchTables(), planner).matchMigrants({
      occupationCode: '5120',
      minorGroup: '512',
      textWords: ['повар'],
      appliedIds: [],
      limit: 2,
    });
    expect(found.map((r) => r.doc.id)).toEqual(['p2', 'p5']);
    expect(statements).toHaveLength(1);
  });
});

describe('CandidateSearch.matchVacancies', () => {
  const query = {
    occupationCodes: ['5120'],
    minorGroups: ['512'],
    textWords: [],
    desiredRegions: ['RU-MOW'],
    limit: 10,
  };
  const answer = (s: Recorded): unknown[] => {
    if (s.via === 'prepared') return [{ cards: null }];
    if (s.text.includes('0.6::float8 AS fit'))
      return [
        { id: 'a', region: 'RU-SPE', ts: 2, fit: 0.6 },
        { id: 'b', region: 'RU-MOW', ts: 1, fit: 0.6 },
      ];
    if (s.text.includes('string_agg(v.card'))
      return [{ cards: `${card('a', 'RU-SPE')},${card('b', 'RU-MOW')}` }];
    throw new Error(`unexpected statement ${s.text}`);
  };

  it('puts a vacancy in a desired region above a newer one elsewhere of the same fit', async () => {
    const { db } = recordingDataSource(answer);
    const found = await new CandidateSearch(db, searchTables(), planner).matchVacancies(query);
    expect(found.map((r) => [r.doc.id, r.textScore])).toEqual([
      ['b', 0.6],
      ['a', 0.6],
    ]);
  });

  it("reads the person's own trades in one prepared statement, the fair as an eleventh parameter when asked", async () => {
    const { db, statements } = recordingDataSource(answer);
    const search = new CandidateSearch(db, searchTables(), planner);
    await search.matchVacancies(query);
    await search.matchVacancies({ ...query, fairId: 'f1' });
    const own = statements.filter((s) => s.via === 'prepared');
    expect(own.map((s) => s.params.length)).toEqual([10, 11]);
    expect(own[0].text).not.toContain('$11');
    expect(own[1].text).toContain('v.fair_ids @> ARRAY[$11::uuid]');
    expect(own[1].name).not.toBe(own[0].name);
  });

  it('reads the newest vacancies of the desired regions for a person with no trade and no words', async () => {
    const { db, statements } = recordingDataSource((s) => (s.via === 'prepared' ? [{ cards: null }] : []));
    await new CandidateSearch(db, searchTables(), planner).matchVacancies({
      ...query,
      occupationCodes: [],
      minorGroups: [],
    });
    const last = statements[statements.length - 1];
    expect(last.text).toContain('0::float8 AS fit');
    expect(last.params).toEqual([null, 10, 'RU-MOW']);
  });
});
