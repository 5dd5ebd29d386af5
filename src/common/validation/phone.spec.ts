import { normalizePhone } from './phone';

describe('normalizePhone', () => {
  it('reads a Russian number written the national way', () => {
    expect(normalizePhone('8 (916) 123-45-67', 'RU')).toBe('+79161234567');
    expect(normalizePhone('+7 916 123 45 67')).toBe('+79161234567');
  });

  it('reads numbers of the migrants home countries in international form', () => {
    expect(normalizePhone('+998 90 123 45 67')).toBe('+998901234567');
    expect(normalizePhone('+7 701 123 4567')).toBe('+77011234567');
  });

  it('returns undefined for invalid input', () => {
    expect(normalizePhone('')).toBeUndefined();
    expect(normalizePhone('12345', 'RU')).toBeUndefined();
    expect(normalizePhone('not a phone')).toBeUndefined();
    expect(normalizePhone('+7 000 000 00 00')).toBeUndefined();
  });
});
