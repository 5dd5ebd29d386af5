import { ReferenceCatalog } from 'src/modules/reference/reference.catalog';
import { searchTables } from 'src/modules/search/postgres-search.tables';
import { IndexWriter } from 'src/modules/search/postgres-search.writer';
import type { MigrantDocument, VacancyDocument } from 'src/modules/search/search.types';
import { recordingDataSource } from 'test/harness/recording-data-source';

const catalog = ReferenceCatalog.load();
const vacancy = (id: string, occupationCode: string) =>
  ({
    id,
    sourceVersion: 1,
    title: 'Повар',
    description: '',
    occupationCode,
    skills: [],
    employerId: 'e1',
    employerName: 'Ромашка',
    country: 'RU',
    region: 'RU-MOW',
    city: null,
    salaryMonthly: null,
    salaryMonthlyMax: null,
    fairIds: [],
    languages: [],
    publishedAt: '2026-01-01T00:00:00Z',
  }) as unknown as VacancyDocument;
const person = (id: string, codes: string[]) =>
  ({
    id,
    sourceVersion: 1,
    occupations: codes.map((code) => ({ code, years: 1 })),
    desiredRegions: [],
  }) as unknown as MigrantDocument;
/** Each statement as its verb and table ("INSERT INTO search_lexicon"), or its text when it has none. */
const kinds = (statements: Array<{ text: string }>) =>
  statements.map((s) => {
    const m = /(INSERT INTO|DELETE FROM|VACUUM \(ANALYZE\)) (\w+)/.exec(s.text);
    return m ? `${m[1]} ${m[2]}` : s.text;
  });

describe('IndexWriter', () => {
  it('writes nothing for no documents', async () => {
    const { db, statements } = recordingDataSource();
    const writer = new IndexWriter(db, searchTables(), catalog);
    await writer.upsertVacancies([]);
    await writer.upsertMigrants([]);
    expect(statements).toHaveLength(0);
  });

  it("writes an occupation's terms and the lexicon's words once per process, in the vacancies' transaction", async () => {
    const { db, statements } = recordingDataSource();
    const writer = new IndexWriter(db, searchTables(), catalog);
    await writer.upsertVacancies([vacancy('v1', '5120')]);
    expect(statements.map((s) => s.via)).toEqual(['transaction', 'transaction', 'transaction']);
    expect(kinds(statements)).toEqual([
      'INSERT INTO search_occupations',
      expect.stringContaining('INSERT INTO search_vacancies'),
      'INSERT INTO search_lexicon',
    ]);
    statements.length = 0;
    await writer.upsertVacancies([vacancy('v2', '5120')]);
    expect(statements).toHaveLength(1);
  });

  it("writes people's occupations' terms without their words in the lexicon, then the person and their trades", async () => {
    const { db, statements } = recordingDataSource();
    const writer = new IndexWriter(db, searchTables('test_w'), catalog);
    await writer.upsertMigrants([person('p1', ['5120', '9313'])]);
    await writer.upsertMigrants([person('p2', ['5120'])]);
    expect(kinds(statements)).toEqual([
      'INSERT INTO search_occupations',
      'INSERT INTO test_w_migrants',
      'INSERT INTO test_w_migrants',
    ]);
    expect(JSON.parse(statements[0].params[0] as string).map((r: { code: string }) => r.code)).toEqual([
      '5120',
      '9313',
    ]);
    expect(statements[1].text).toContain('INSERT INTO test_w_migrant_trades');
  });

  it('leaves a tombstone and removes the document, and for a person their trades', async () => {
    const { db, statements } = recordingDataSource();
    const writer = new IndexWriter(db, searchTables(), catalog);
    await writer.deleteVacancy('v1', 7);
    expect(kinds(statements)).toEqual(['INSERT INTO search_tombstones', 'DELETE FROM search_vacancies']);
    expect(statements[0].params).toEqual(['vacancies', 'v1', 7]);
    statements.length = 0;
    await writer.deleteMigrant('p1', 8);
    expect(kinds(statements)).toEqual([
      'INSERT INTO search_tombstones',
      'DELETE FROM search_migrants',
      'DELETE FROM search_migrant_trades',
    ]);
  });

  it('rebuilds in place: upserts the batches, removes what they did not touch, vacuums', async () => {
    const { db, statements } = recordingDataSource((s) =>
      s.text.includes('clock_timestamp() AS started') ? [{ started: 't0' }] : [],
    );
    const writer = new IndexWriter(db, searchTables(), catalog);
    const batches = async function* () {
      yield [person('p1', ['5120'])];
      yield [person('p2', ['5120'])];
    };
    const counts: number[] = [];
    await writer.rebuild('migrants', batches(), (n) => counts.push(n));
    expect(counts).toEqual([1, 1]);
    expect(kinds(statements).slice(-4)).toEqual([
      'DELETE FROM search_migrants',
      'DELETE FROM search_migrant_trades',
      'VACUUM (ANALYZE) search_migrants',
      'VACUUM (ANALYZE) search_migrant_trades',
    ]);
    expect(statements[statements.length - 4].params).toEqual(['t0']);
  });

  it("writes the terms of people's occupations that have none, and nothing when none is missing", async () => {
    const missing = recordingDataSource((s) =>
      s.text.includes('SELECT DISTINCT t.code') ? [{ code: '9313' }] : [],
    );
    await new IndexWriter(missing.db, searchTables(), catalog).addMissingOccupations();
    expect(kinds(missing.statements).slice(1)).toEqual(['INSERT INTO search_occupations']);
    const none = recordingDataSource();
    await new IndexWriter(none.db, searchTables(), catalog).addMissingOccupations();
    expect(none.statements).toHaveLength(1);
  });
});
