import { CARD_FIELDS, CARD_VERSION, parseCards, toCard } from 'src/modules/search/vacancy-card';
import type { VacancySummary } from 'src/modules/search/search.types';

describe('vacancy cards', () => {
  // Every field gets a value of its own, so a field read from the wrong place shows.
  const summary = (n: number): VacancySummary =>
    Object.fromEntries(CARD_FIELDS.map((f, i) => [f, `${f}-${n}-${i}`])) as unknown as VacancySummary;

  it('reads back every field of the summaries it wrote, in order', () => {
    const docs = [
      summary(1),
      summary(2),
      { ...summary(3), skills: ['a', 'b'], salaryMin: null, housing: true },
    ];
    const parsed = parseCards(docs.map(toCard).join(','));
    expect(parsed).toEqual(docs);
    expect(Object.keys(parsed[0])).toEqual([...CARD_FIELDS]);
  });

  it('reads nothing from no cards and refuses a card of another format', () => {
    expect(parseCards(null)).toEqual([]);
    const other = JSON.stringify([CARD_VERSION + 1, ...CARD_FIELDS.map(() => 'x')]);
    expect(() => parseCards(other)).toThrow(/reindex/);
  });
});
