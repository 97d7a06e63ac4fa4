/**
 * The top of a count axis: the smallest "nice" number (1, 2, 4 or 5 times a power of ten) at or above
 * `max` whose half is whole, so the midpoint tick is a count too. Counts of zero still get a visible
 * axis from 0 to 2.
 */
export function niceMax(max: number): number {
  if (!Number.isFinite(max) || max <= 2) return 2;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 4, 5, 10]) {
    const candidate = step * power;
    if (candidate >= max && Number.isInteger(candidate / 2)) return candidate;
  }
  return 10 * power;
}

const utc = { timeZone: "UTC" } as const;

/** Labels of a `YYYY-MM-DD` (UTC) day: "Mon" under a bar, "Monday 3 March" in the figures table. */
export function dayLabels(day: string, locale?: string): { label: string; fullLabel: string } {
  const date = new Date(`${day}T00:00:00Z`);
  return {
    label: date.toLocaleDateString(locale, { ...utc, weekday: "short" }),
    fullLabel: date.toLocaleDateString(locale, { ...utc, weekday: "long", day: "numeric", month: "long" }),
  };
}

/** Labels of a `YYYY-MM-DD` day in a month-long series: "3" under a bar, "3 March" in the table. */
export function dateLabels(day: string, locale?: string): { label: string; fullLabel: string } {
  const date = new Date(`${day}T00:00:00Z`);
  return {
    label: date.toLocaleDateString(locale, { ...utc, day: "numeric" }),
    fullLabel: date.toLocaleDateString(locale, { ...utc, day: "numeric", month: "long" }),
  };
}

/** Labels of a `YYYY-MM` usage period: "Mar" under a bar, "March 2026" in the figures table. */
export function monthLabels(period: string, locale?: string): { label: string; fullLabel: string } {
  const date = new Date(`${period}-01T00:00:00Z`);
  return {
    label: date.toLocaleDateString(locale, { ...utc, month: "short" }),
    fullLabel: date.toLocaleDateString(locale, { ...utc, month: "long", year: "numeric" }),
  };
}
