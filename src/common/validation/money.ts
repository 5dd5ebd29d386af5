import { ValidateBy, ValidationOptions } from 'class-validator';

/** A finite number with at most two decimal places: 80000 and 80000.5 pass, 0.001 and -5e-324 do not. */
export function isMoneyAmount(value: unknown): boolean {
  return typeof value === 'number' && Number.isFinite(value) && Number(value.toFixed(2)) === value;
}

/**
 * A money amount (at most two decimal places). In place of `IsNumber({ maxDecimalPlaces: 2 })`, which throws
 * instead of failing on a number written with an exponent (`-5e-324`), so that the request answered 500.
 */
export function IsMoneyAmount(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isMoneyAmount',
      validator: {
        validate: isMoneyAmount,
        defaultMessage: () => '$property must be a number with at most 2 decimal places',
      },
    },
    options,
  );
}
