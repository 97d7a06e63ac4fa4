import type { YearMonth } from "./types";

/** Months since year 0, so ranges compare and shift with integer arithmetic. */
export function toMonthIndex(value: YearMonth): number {
  const [year, month] = value.split("-").map(Number);
  return (year ?? 0) * 12 + ((month ?? 1) - 1);
}

export function fromMonthIndex(index: number): YearMonth {
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${year}-${String(month).padStart(2, "0")}` as YearMonth;
}

export function yearMonthOf(date: Date): YearMonth {
  return fromMonthIndex(date.getUTCFullYear() * 12 + date.getUTCMonth());
}

export function shiftMonths(value: YearMonth, months: number): YearMonth {
  return fromMonthIndex(toMonthIndex(value) + months);
}

const monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * "Mar 2021". January is printed as the year alone because résumés with year-only dates store
 * "YYYY-01" (the contract has no precision field), and "Jan 2019" would invent a month.
 */
export function formatYearMonth(value: YearMonth): string {
  const [year, month] = value.split("-");
  if (month === "01") return String(Number(year));
  return `${monthNames[Number(month) - 1] ?? ""} ${Number(year)}`;
}

/**
 * A date span as a person writes it: "Mar 2019–Sep 2021", "since Mar 2019", "until 2014", "from 2015".
 * An unknown bound is left out, never shown as a placeholder; both unknown is "".
 */
export function formatSpan(start: YearMonth | null, end: YearMonth | "present" | null): string {
  if (!start && !end) return "";
  if (!start) return end === "present" ? "to the present" : `until ${formatYearMonth(end as YearMonth)}`;
  const from = formatYearMonth(start);
  if (end === "present") return `since ${from}`;
  if (!end) return `from ${from}`;
  const to = formatYearMonth(end);
  return from === to ? `in ${from}` : `${from}–${to}`;
}
