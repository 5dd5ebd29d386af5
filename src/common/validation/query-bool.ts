/**
 * For `@Transform` on a boolean query parameter: `'true'` and `'false'` become booleans; anything else is left for
 * `@IsBoolean()` to refuse.
 */
export const queryBool = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;
