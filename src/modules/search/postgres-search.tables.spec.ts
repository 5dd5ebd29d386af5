import { searchTables } from 'src/modules/search/postgres-search.tables';

describe('searchTables', () => {
  it("names the application's tables by default and a test's by its prefix", () => {
    expect(searchTables().vacancies).toBe('search_vacancies');
    expect(searchTables('test_a1')).toEqual({
      vacancies: 'test_a1_vacancies',
      migrants: 'test_a1_migrants',
      tombstones: 'test_a1_tombstones',
      trades: 'test_a1_migrant_trades',
      counts: 'test_a1_vacancy_counts',
    });
  });

  it('refuses a prefix that is not a plain identifier, since it goes into SQL text', () => {
    expect(() => searchTables('x; DROP TABLE y')).toThrow('bad search table prefix');
    expect(() => searchTables('Search')).toThrow();
  });
});
