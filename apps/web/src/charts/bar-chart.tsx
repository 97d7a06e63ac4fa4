import { lazy, Suspense, useId } from "react";
import "./charts.css";

const BarDrawing = lazy(async () => ({ default: (await import("./bar-drawing")).BarDrawing }));

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

/**
 * A small grouped bar chart drawn as SVG (visx scales and shapes, no canvas), so it follows the theme's
 * colour tokens and prints sharply. Screen readers get the caption and a data table instead of the
 * drawing; sighted readers get the same table behind "Show the figures". The drawing loads in its own
 * chunk; until it arrives a box of the same size holds its place, so nothing below it moves.
 */
export function BarChart({ title, series, points, format, testId }: BarChartProps) {
  const captionId = useId();

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
      <Suspense fallback={<div className="chart-drawing chart-placeholder" />}>
        <BarDrawing series={series} points={points} format={format} />
      </Suspense>
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

/**
 * What a {@link BarChart} looks like while its data loads: the same caption and a box of the drawing's
 * size, so the page does not move when the chart arrives.
 */
export function ChartPlaceholder({ title }: { title: string }) {
  return (
    <figure className="chart">
      <figcaption className="chart-title">{title}</figcaption>
      <div className="chart-drawing chart-placeholder" />
      <p className="chart-figures muted">Loading the figures…</p>
    </figure>
  );
}
