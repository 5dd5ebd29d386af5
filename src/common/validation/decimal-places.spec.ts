import { hasAtMostDecimals } from 'src/common/validation/decimal-places';

describe('hasAtMostDecimals', () => {
  it.each([0, 40, 7.5, 0.5, 24])('accepts %p with one place', (value) => {
    expect(hasAtMostDecimals(value, 1)).toBe(true);
  });

  it.each([7.25, 9e-323, -5e-324, 1e-7, Number.NaN, Number.POSITIVE_INFINITY, '8', null, undefined])(
    'refuses %p with one place, without throwing',
    (value) => {
      expect(hasAtMostDecimals(value, 1)).toBe(false);
    },
  );
});
