/** Characters of a label that fit the chart's label column; a longer one is cut with an ellipsis. */
export const LABEL_CHARS = 24;

/** The label as the chart prints it: whole when it fits, else cut with "…" (the row's tooltip holds it whole). */
export function chartLabel(label: string): string {
  const chars = [...label];
  return chars.length > LABEL_CHARS
    ? `${chars
        .slice(0, LABEL_CHARS - 1)
        .join('')
        .trimEnd()}…`
    : label;
}
