/**
 * A binder for a statement built from optional parts: `bind(value)` appends the value to `params` and answers its
 * placeholder (`$n`). Values never go into the SQL text.
 */
export function binder(params: unknown[]): (value: unknown) => string {
  return (value) => {
    params.push(value);
    return `$${params.length}`;
  };
}
