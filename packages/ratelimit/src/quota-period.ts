/** One quota period: a calendar month in UTC. */
export interface QuotaPeriod {
  /** `YYYY-MM`, the key stores use (`workspace_usage.period`). */
  key: string;
  /** First instant of the month (inclusive). */
  start: Date;
  /** First instant of the next month (exclusive): when the quota resets. */
  end: Date;
}

/** The calendar month (UTC) containing `now`. Time zones never shift the boundary. */
export function quotaPeriodOf(now: Date): QuotaPeriod {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  if (Number.isNaN(year)) throw new RangeError("quotaPeriodOf needs a valid date");
  return {
    key: `${String(year).padStart(4, "0")}-${String(month + 1).padStart(2, "0")}`,
    start: new Date(Date.UTC(year, month, 1)),
    // Date.UTC rolls month 12 over into January of the next year.
    end: new Date(Date.UTC(year, month + 1, 1)),
  };
}
