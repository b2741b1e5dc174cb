import { useId } from 'react';

export type BarDatum = { key: string; label: string; value: number };

/**
 * A horizontal bar chart as plain SVG: no chart library, prints crisply at any size, and reads the same on
 * screen and on paper. Screen readers get the chart's title and a description listing every value (the
 * caller writes it, in the reader's language), since bars alone say nothing to them.
 *
 * Geometry is in viewBox units; the SVG scales to its container, so text stays in proportion. Label width
 * is estimated from the text (CJK characters are about one em wide, Latin about half): SVG cannot measure
 * text before it is drawn, and a fixed column would either cut Chinese labels or waste half the width.
 */
const ROW = 28;
const BAR = 15;
const FONT = 12.5;
const AXIS = 22;
const VALUE_ROOM = 44;

export function textWidth(text: string, fontSize = FONT): number {
  let em = 0;
  for (const char of text) em += (char.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : 0.56;
  return em * fontSize;
}

/** A round axis maximum with 1–5 ticks of 1, 2 or 5 × 10ⁿ; counts are whole numbers, so steps are too. */
export function niceTicks(max: number): number[] {
  if (max <= 0) return [0];
  const rough = max / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, ([1, 2, 5, 10].find((m) => m * power >= rough) ?? 10) * power);
  const ticks: number[] = [];
  for (let v = 0; v < max + step; v += step) ticks.push(v);
  return ticks;
}

export function BarChart({
  title,
  description,
  data,
  width = 560,
}: {
  title: string;
  description: string;
  data: readonly BarDatum[];
  /** viewBox width: narrower for a half-page column on paper, so the text is not shrunk unreadable. */
  width?: number;
}) {
  const id = useId();
  const labelWidth = Math.min(220, Math.max(60, ...data.map((d) => textWidth(d.label))) + 12);
  const ticks = niceTicks(Math.max(0, ...data.map((d) => d.value)));
  const top = ticks.at(-1) || 1;
  const plot = width - labelWidth - VALUE_ROOM;
  const x = (v: number) => labelWidth + (v / top) * plot;
  const height = data.length * ROW + AXIS + 6;

  return (
    <figure className="bar-chart">
      <figcaption className="bar-chart__title">{title}</figcaption>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${id}-t ${id}-d`}
        preserveAspectRatio="xMinYMin meet"
        fontSize={FONT}
      >
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{description}</desc>
        {ticks.map((tick) => (
          <g key={tick} className="bar-chart__tick">
            <line x1={x(tick)} x2={x(tick)} y1={2} y2={data.length * ROW + 4} />
            <text x={x(tick)} y={data.length * ROW + AXIS - 4} textAnchor="middle">
              {tick}
            </text>
          </g>
        ))}
        {data.map((d, i) => {
          const y = i * ROW + (ROW - BAR) / 2 + 3;
          const end = x(d.value);
          return (
            <g
              key={d.key}
              className={d.value === 0 ? 'bar-chart__row bar-chart__row--zero' : 'bar-chart__row'}
            >
              <text x={labelWidth - 10} y={y + BAR / 2} textAnchor="end" dominantBaseline="central">
                {d.label}
              </text>
              {d.value > 0 ? (
                <rect x={labelWidth} y={y} width={end - labelWidth} height={BAR} rx={2} />
              ) : null}
              <text
                className="bar-chart__value"
                x={end + 6}
                y={y + BAR / 2}
                dominantBaseline="central"
                data-testid={`chart-value-${d.key}`}
              >
                {d.value}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
