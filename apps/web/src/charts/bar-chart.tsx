import { Group } from "@visx/group";
import { scaleBand, scaleLinear } from "@visx/scale";
import { Bar } from "@visx/shape";
import { useId } from "react";
import { niceMax } from "./chart-scale";
import "./charts.css";

/** One series of a {@link BarChart}: a name for the legend and the table, and a colour token. */
export interface BarSeries {
  label: string;
  /** A CSS colour, normally one of the `--color-chart-*` tokens. */
  color: string;
}

/** One category (a day, a month) and one value per series, in series order. */
export interface BarPoint {
  /** Short label under the bar ("Mon", "Mar"). */
  label: string;
  /** Long label for the data table ("Monday 3 March"). */
  fullLabel: string;
  values: readonly number[];
}

export interface BarChartProps {
  /** The figure's caption; also the chart's accessible name. */
  title: string;
  series: readonly BarSeries[];
  points: readonly BarPoint[];
  format: (value: number) => string;
  testId?: string;
}

// The drawing's own coordinate space; the SVG scales to its container's width. About a tile's width,
// so its 12 px labels stay near 12 px on a phone and in a desktop's three-column grid.
const width = 320;
const height = 160;
const margin = { top: 10, right: 4, bottom: 22, left: 34 };

/**
 * A small grouped bar chart drawn as SVG (visx scales and shapes, no canvas), so it follows the theme's
 * colour tokens and prints sharply. Screen readers get the caption and a data table instead of the
 * drawing; sighted readers get the same table behind "Show the figures".
 */
export function BarChart({ title, series, points, format, testId }: BarChartProps) {
  const captionId = useId();
  const innerWidth = width - margin.left - margin.right;
  const innerHeight = height - margin.top - margin.bottom;
  const top = niceMax(Math.max(0, ...points.flatMap((point) => point.values)));
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
  const ticks = [0, top / 2, top];
  // Every label fits up to a dozen bars; beyond that, every other one keeps them from colliding.
  const labelStep = points.length > 12 ? Math.ceil(points.length / 10) : 1;

  return (
    <figure className="chart" data-testid={testId}>
      <figcaption id={captionId} className="chart-title">
        {title}
      </figcaption>
      {series.length > 1 ? (
        <ul className="chart-legend" aria-hidden="true">
          {series.map((entry) => (
            <li key={entry.label}>
              <span className="chart-swatch" style={{ background: entry.color }} />
              {entry.label}
            </li>
          ))}
        </ul>
      ) : null}
      <svg
        className="chart-drawing"
        viewBox={`0 0 ${width} ${height}`}
        aria-hidden="true"
        focusable="false"
        preserveAspectRatio="xMidYMid meet"
      >
        <Group left={margin.left} top={margin.top}>
          {ticks.map((tick) => (
            <g key={tick} transform={`translate(0, ${y(tick)})`}>
              <line className="chart-grid" x1={0} x2={innerWidth} />
              <text className="chart-axis" x={-6} dy="0.32em" textAnchor="end">
                {format(tick)}
              </text>
            </g>
          ))}
          {points.map((point, index) => {
            const left = x(String(index)) ?? 0;
            return (
              <Group key={point.fullLabel} left={left}>
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
      <details className="chart-figures">
        <summary>Show the figures</summary>
        <table className="data-table" aria-labelledby={captionId}>
          <thead>
            <tr>
              <th scope="col">When</th>
              {series.map((entry) => (
                <th key={entry.label} scope="col" className="numeric">
                  {entry.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {points.map((point) => (
              <tr key={point.fullLabel}>
                <th scope="row">{point.fullLabel}</th>
                {point.values.map((value, seriesIndex) => (
                  <td key={seriesIndex} className="numeric">
                    {format(value)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
