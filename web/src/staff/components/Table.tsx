import type { ComponentChildren } from 'preact';

/** A table with a header row of column names. */
export function Table({
  cols,
  children,
  ...attrs
}: {
  cols: string[];
  children: ComponentChildren;
  [attr: string]: unknown;
}) {
  return (
    <table {...attrs}>
      <thead>
        <tr>
          {cols.map((c, i) => (
            <th key={i} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
