import { applyDecorators } from '@nestjs/common';
import { IsString, Length, Matches, ValidationOptions } from 'class-validator';

// NUL and other C0 controls (except tab and line breaks) are refused: PostgreSQL rejects NUL in text.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NO_CONTROL_CHARS = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;

/** A string of `min`..`max` characters without control characters. */
export function IsText(min: number, max: number, options: ValidationOptions = {}) {
  return applyDecorators(
    IsString(options),
    Length(min, max, options),
    Matches(NO_CONTROL_CHARS, { ...options, message: '$property must not contain control characters' }),
  );
}
