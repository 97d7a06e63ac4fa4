/**
 * Résumé dates as the contract's Profile carries them: `"YYYY-MM"` (a year alone is `"YYYY-01"` with
 * precision "year"), `"present"` for an ongoing role, or `null` when unknown.
 */

// Fixed English abbreviations rather than Intl: the rest of the UI is English, and a résumé reads the
// same for every viewer of the workspace.
const monthNames = [
  "Jan",
  "Feb",
  "Mar",
  "Apr",
  "May",
  "Jun",
  "Jul",
  "Aug",
  "Sep",
  "Oct",
  "Nov",
  "Dec",
] as const;
const yearMonthPattern = /^(\d{4})-(\d{2})$/;

export type DatePrecision = "month" | "year";

/** "2020-01" → "Jan 2020"; with precision "year" just "2020". `null` for anything unparsable. */
export function formatYearMonth(
  value: string | null | undefined,
  precision: DatePrecision = "month",
): string | null {
  if (value === null || value === undefined) return null;
  const match = yearMonthPattern.exec(value);
  if (match === null) return null;
  const [, year, month] = match;
  const name = monthNames[Number(month) - 1];
  if (name === undefined) return null;
  return precision === "year" ? `${year}` : `${name} ${year}`;
}

/**
 * A role's span: "Jan 2020 – Present", "Mar 2018 – Dec 2019", "2015 – 2017", "Since Jan 2020" (no end
 * known), "Until Dec 2019" (no start), or "" when neither end is known.
 */
export function formatDateRange(
  start: string | null | undefined,
  end: string | null | undefined,
  precision: { start?: DatePrecision; end?: DatePrecision } = {},
): string {
  const from = formatYearMonth(start, precision.start);
  const to = end === "present" ? "Present" : formatYearMonth(end, precision.end);
  if (from !== null && to !== null) return from === to ? from : `${from} – ${to}`;
  if (from !== null) return `Since ${from}`;
  if (to !== null) return to === "Present" ? "Present" : `Until ${to}`;
  return "";
}

/**
 * The precision to show when the view does not say: the contract stores a year alone as "YYYY-01" but
 * `ProfileView` carries no precision flag, so "-01" is read as "year only". Used for education, where
 * dates are almost always years and "Jan 2012 – Jan 2014" would state months the résumé never gave.
 */
export function yearOnlyIfJanuary(value: string | null | undefined): DatePrecision {
  return typeof value === "string" && value.endsWith("-01") ? "year" : "month";
}

/** Sort key: ongoing roles first, then by end, then by start, newest first; unknown dates sink. */
function sortKey(value: string | null | undefined): string {
  if (value === "present") return "9999-99";
  return value !== null && value !== undefined && yearMonthPattern.test(value) ? value : "0000-00";
}

/** Orders experiences newest first without mutating the input (stable for equal dates). */
export function newestFirst<T extends { start: string | null; end: string | null }>(
  items: readonly T[],
): T[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => {
      const byEnd = sortKey(b.item.end).localeCompare(sortKey(a.item.end));
      if (byEnd !== 0) return byEnd;
      const byStart = sortKey(b.item.start).localeCompare(sortKey(a.item.start));
      return byStart !== 0 ? byStart : a.index - b.index;
    })
    .map(({ item }) => item);
}

/** Validates a "YYYY-MM" typed by a person while editing; empty means "unknown" (null). */
export function parseYearMonthInput(
  raw: string,
): { isValid: true; value: string | null } | { isValid: false; error: string } {
  const value = raw.trim();
  if (value === "") return { isValid: true, value: null };
  const match = yearMonthPattern.exec(value);
  const month = match === null ? 0 : Number(match[2]);
  if (match === null || month < 1 || month > 12) {
    return { isValid: false, error: "Use the form YYYY-MM, for example 2020-01." };
  }
  return { isValid: true, value };
}
