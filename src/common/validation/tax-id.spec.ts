import { isValidBin, isValidInn, isValidTaxId, kzCheckDigit } from './tax-id';

/** A 12-digit number built from an 11-digit prefix and the check digit of the algorithm. */
function withCheckDigit(prefix: string): string {
  const check = kzCheckDigit(prefix);
  if (check === undefined) throw new Error(`no check digit for ${prefix}`);
  return prefix + check;
}

describe('isValidInn', () => {
  it('accepts a valid 10-digit organisation INN', () => {
    expect(isValidInn('7707083893')).toBe(true); // Sberbank
    expect(isValidInn('7736207543')).toBe(true); // Yandex LLC
  });

  it('accepts a valid 12-digit individual INN', () => {
    expect(isValidInn('500100732259')).toBe(true);
  });

  it('rejects a wrong check digit', () => {
    expect(isValidInn('7707083894')).toBe(false);
    expect(isValidInn('500100732258')).toBe(false);
    expect(isValidInn('500100732269')).toBe(false);
  });

  it('rejects wrong lengths, non-digits and a zero region', () => {
    for (const s of ['', '770708389', '77070838931', '7707o83893', '0000000000', '000000000000']) {
      expect(isValidInn(s)).toBe(false);
    }
  });

  it('trims surrounding spaces', () => {
    expect(isValidInn(' 7707083893 ')).toBe(true);
  });
});

describe('isValidBin', () => {
  it('accepts published BINs', () => {
    expect(isValidBin('940140000385')).toBe(true); // Halyk Bank of Kazakhstan
    expect(isValidBin('971240001315')).toBe(true); // Kaspi Bank
  });

  it('accepts numbers built with the first weights pass', () => {
    const bin = withCheckDigit('94014000038');
    expect(bin).toBe('940140000385');
    expect(isValidBin(withCheckDigit('05064000123'))).toBe(true);
  });

  it('uses the second weights pass when the first gives 10', () => {
    const w1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    let prefix = '';
    for (let n = 10000000000; n < 10000010000; n++) {
      const p = String(n);
      if ([...p].reduce((s, d, i) => s + Number(d) * w1[i], 0) % 11 === 10 && kzCheckDigit(p) !== undefined) {
        prefix = p;
        break;
      }
    }
    expect(prefix).not.toBe('');
    const w2 = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];
    const expected = [...prefix].reduce((s, d, i) => s + Number(d) * w2[i], 0) % 11;
    expect(isValidBin(prefix + expected)).toBe(true);
    expect(isValidBin(prefix + ((expected + 1) % 10))).toBe(false);
  });

  it('rejects a wrong check digit, wrong length and non-digits', () => {
    expect(isValidBin('940140000386')).toBe(false);
    expect(isValidBin('97124000131')).toBe(false);
    expect(isValidBin('9712400013155')).toBe(false);
    expect(isValidBin('97124000131x')).toBe(false);
  });
});

describe('isValidTaxId', () => {
  it('checks the identifier of the given country', () => {
    expect(isValidTaxId('RU', '7707083893')).toBe(true);
    expect(isValidTaxId('KZ', '940140000385')).toBe(true);
    expect(isValidTaxId('KZ', '7707083893')).toBe(false);
    expect(isValidTaxId('RU', '940140000385')).toBe(false);
  });
});
