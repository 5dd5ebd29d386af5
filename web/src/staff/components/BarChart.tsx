import { chartLabel } from './chart-label';

/**
 * Horizontal bars in plain SVG: one row per label, the value printed beside its bar. A long label is cut to the
 * label column; hovering the row shows it whole with the value (an SVG title).
 */
export function BarChart({ title, rows }: { title: string; rows: Array<{ label: string; value: number }> }) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  const rowH = 28;
  const labelW = 200;
  const barW = 420;
  const height = rows.length * rowH + 10;
  const width = labelW + barW + 60;
  return (
    <svg
      class="chart"
      role="img"
      aria-label={title}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
    >
      <title>{title}</title>
      {rows.map((r, i) => {
        const y = i * rowH + 5;
        const w = Math.round((r.value / max) * barW);
        return (
          <g key={r.label} data-bar={r.label}>
            <title>{`${r.label}: ${r.value}`}</title>
            <text x={labelW - 8} y={y + 17} text-anchor="end">
              {chartLabel(r.label)}
            </text>
            <rect x={labelW} y={y} width={Math.max(w, 1)} height={rowH - 8} fill="#0b4f9c" />
            <text x={labelW + w + 6} y={y + 17}>
              {String(r.value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
