import { REASONS, REASON_LANGS, reason } from 'src/modules/matching/matching.reasons';

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

  it('fills parameters', () => {
    expect(reason('OCCUPATION_SAME', 'en', { occupation: 'Cook' }).message).toBe('Trade: Cook');
    expect(reason('HOUSING_PROVIDED', 'uz').message).toBe('Turar joy beriladi');
  });
});
