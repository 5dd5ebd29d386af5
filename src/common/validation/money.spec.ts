import { isMoneyAmount } from 'src/common/validation/money';

describe('isMoneyAmount', () => {
  it.each([0, 80000, 80000.5, 99.99, 1_000_000_000])('accepts %p', (value) => {
    expect(isMoneyAmount(value)).toBe(true);
  });

  it.each([0.001, -5e-324, 1e-7, 0.1 + 0.2, Number.NaN, Number.POSITIVE_INFINITY, '100', null, undefined])(
    'refuses %p without throwing',
    (value) => {
      expect(isMoneyAmount(value)).toBe(false);
    },
  );
});
