/**
 * The rule every edit of a dated fact (a role, a school) meets, on the client and the server alike:
 * a start is not in the future, and an end is not before its start. Months are `YYYY-MM`; an end may be
 * `"present"` (still there). Returns the problem in words, or null when the range is fine.
 */
export type DateRangeProblem = "start-in-future" | "end-before-start";

/** What to tell a person about a {@link DateRangeProblem}. */
export const dateRangeMessages: Record<DateRangeProblem, string> = {
  "start-in-future": "The start cannot be in the future.",
  "end-before-start": "The end must be on or after the start.",
};

/** The current month as `YYYY-MM` in UTC. */
export function currentYearMonth(now: Date = new Date()): string {
  return now.toISOString().slice(0, 7);
}

/** The first problem of a `start`–`end` range (null or undefined parts are unknown and never wrong). */
export function dateRangeProblem(
  start: string | null | undefined,
  end: string | null | undefined,
  now: Date = new Date(),
): DateRangeProblem | null {
  if (start !== null && start !== undefined && start > currentYearMonth(now)) return "start-in-future";
  if (start !== null && start !== undefined && end !== null && end !== undefined && end !== "present") {
    if (end < start) return "end-before-start";
  }
  return null;
}
