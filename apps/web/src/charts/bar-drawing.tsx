import { Group } from "@visx/group";
import { scaleBand, scaleLinear } from "@visx/scale";
import { Bar } from "@visx/shape";
import type { BarPoint, BarSeries } from "./bar-chart";
import { niceMax } from "./chart-scale";

// The drawing's own coordinate space; the SVG scales to its container's width. About a tile's width,
// so its 12 px labels stay near 12 px on a phone and in a desktop's three-column grid.
const width = 320;
const height = 160;
const margin = { top: 10, right: 4, bottom: 22 };
// Room for the widest tick label ("400.0 KB"): about 7 units per 12 px character, plus a gap.
const labelWidth = (labels: readonly string[]) =>
  Math.max(20, ...labels.map((label) => label.length * 7)) + 8;

/**
 * The SVG of a {@link BarChart} (visx scales and shapes), in its own chunk so pages load the chart
 * library only when they draw one. Hidden from assistive technology: the chart's table carries the data.
 */
export function BarDrawing({
  series,
  points,
  format,
}: {
  series: readonly BarSeries[];
  points: readonly BarPoint[];
  format: (value: number) => string;
}) {
  const top = niceMax(Math.max(0, ...points.flatMap((point) => point.values)));
  const ticks = [0, top / 2, top];
  const left = labelWidth(ticks.map(format));
  const innerWidth = width - left - margin.right;
  const innerHeight = height - margin.top - margin.bottom;
  const x = scaleBand<string>({
    domain: points.map((_, index) => String(index)),
    range: [0, innerWidth],
    padding: 0.25,
  });
  const inner = scaleBand<number>({
    domain: series.map((_, index) => index),
    range: [0, x.bandwidth()],
    padding: 0.1,
  });
  const y = scaleLinear<number>({ domain: [0, top], range: [innerHeight, 0] });
  // Every label fits up to a dozen bars; beyond that, every other one keeps them from colliding.
  const labelStep = points.length > 12 ? Math.ceil(points.length / 10) : 1;

  return (
    <svg
      className="chart-drawing"
      viewBox={`0 0 ${width} ${height}`}
      aria-hidden="true"
      focusable="false"
      preserveAspectRatio="xMidYMid meet"
    >
      <Group left={left} top={margin.top}>
        {ticks.map((tick) => (
          <g key={tick} transform={`translate(0, ${y(tick)})`}>
            <line className="chart-grid" x1={0} x2={innerWidth} />
            <text className="chart-axis" x={-6} dy="0.32em" textAnchor="end">
              {format(tick)}
            </text>
          </g>
        ))}
        {points.map((point, index) => {
          return (
            <Group key={point.fullLabel} left={x(String(index)) ?? 0}>
              {point.values.map((value, seriesIndex) => {
                const barHeight = innerHeight - y(value);
                return (
                  <Bar
                    key={seriesIndex}
                    x={inner(seriesIndex) ?? 0}
                    y={innerHeight - barHeight}
                    width={inner.bandwidth()}
                    height={barHeight}
                    rx={2}
                    fill={series[seriesIndex]?.color}
                  />
                );
              })}
              {index % labelStep === 0 ? (
                <text className="chart-axis" x={x.bandwidth() / 2} y={innerHeight + 16} textAnchor="middle">
                  {point.label}
                </text>
              ) : null}
            </Group>
          );
        })}
      </Group>
    </svg>
  );
}
