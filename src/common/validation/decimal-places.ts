import { ValidateBy, ValidationOptions } from 'class-validator';

/** A finite number with at most `places` decimal places: with 1, 7.5 passes and 7.25, 9e-323 do not. */
export function hasAtMostDecimals(value: unknown, places: number): boolean {
  return typeof value === 'number' && Number.isFinite(value) && Number(value.toFixed(places)) === value;
}

/**
 * A number with at most `places` decimal places. In place of `IsNumber({ maxDecimalPlaces })`, which throws
 * instead of failing on a number written with an exponent (`9e-323`), so that the request answered 500.
 */
export function IsDecimal(places: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isDecimal',
      constraints: [places],
      validator: {
        validate: (value) => hasAtMostDecimals(value, places),
        defaultMessage: () =>
          `$property must be a number with at most ${places} decimal place${places === 1 ? '' : 's'}`,
      },
    },
    options,
  );
}
