/**
 * Charts as server-rendered SVG, no script and no chart library: bars from the data, with a title
 * (role="img"); the data table that follows each chart is its text alternative.
 */
export interface ChartPoint {
  readonly label: string;
  /** Null: suppressed or nothing to show (no bar). */
  readonly value: number | null;
}

const WIDTH = 640;
const HEIGHT = 220;
const TOP = 10;
const BOTTOM = 26;
const LEFT = 8;

/** A bar chart of the points; `max` fixes the scale (100 for shares), else the largest value. */
export function BarChart({ id, title, points, max, tableId }: { id: string; title: string; points: readonly ChartPoint[]; max?: number; tableId: string }) {
  const top = max ?? Math.max(1, ...points.map((p) => p.value ?? 0));
  const slot = (WIDTH - LEFT) / Math.max(1, points.length);
  const bar = slot * 0.7;
  const plot = HEIGHT - TOP - BOTTOM;
  return (
    <figure class="app-chart">
      <svg class="app-chart__svg" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${id}-title`} aria-describedby={tableId} focusable="false">
        <title id={`${id}-title`}>{title}</title>
        <line class="app-chart__axis" x1={LEFT} y1={HEIGHT - BOTTOM} x2={WIDTH} y2={HEIGHT - BOTTOM} />
        {points.map((p, i) => {
          const h = p.value === null ? 0 : Math.round((Math.min(p.value, top) / top) * plot);
          const x = LEFT + i * slot + (slot - bar) / 2;
          return (
            <g key={p.label}>
              {h > 0 ? <rect class="app-chart__bar" x={x.toFixed(1)} y={HEIGHT - BOTTOM - h} width={bar.toFixed(1)} height={h} /> : null}
              <text class="app-chart__label" x={(x + bar / 2).toFixed(1)} y={HEIGHT - 8} text-anchor="middle">{p.label}</text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
