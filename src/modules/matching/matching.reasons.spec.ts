import { RANKING, REASONS, REASON_LANGS, rankingText, reason } from 'src/modules/matching/matching.reasons';

describe('match reasons', () => {
  const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

  it.each(Object.keys(REASONS))('%s has a sentence in every language with the same parameters', (code) => {
    const texts = REASONS[code as keyof typeof REASONS] as Record<string, string>;
    const expected = placeholders(texts.en);
    for (const lang of REASON_LANGS) {
      expect(texts[lang]).toBeTruthy();
      expect(texts[lang].trim()).toBe(texts[lang]);
      expect(placeholders(texts[lang])).toEqual(expected);
    }
  });

  it.each(Object.keys(RANKING))(
    '%s explains a position in every language with the same parameters',
    (code) => {
      const texts = RANKING[code as keyof typeof RANKING] as Record<string, string>;
      const expected = placeholders(texts.en);
      for (const lang of REASON_LANGS) {
        expect(texts[lang].trim()).not.toBe('');
        expect(placeholders(texts[lang])).toEqual(expected);
        expect(texts[lang]).not.toMatch(/[oOgG]['`‘’]/);
      }
    },
  );

  it('fills parameters', () => {
    expect(rankingText('RANK_AHEAD', 'en', { count: 2 })).toBe(
      'Ranked above more relevant matches that need documents first or may not be taken: 2.',
    );
    expect(reason('OCCUPATION_SAME', 'en', { occupation: 'Cook' }).message).toBe('Trade: Cook');
    expect(reason('HOUSING_PROVIDED', 'uz').message).toBe('Turar joy beriladi');
  });
});
