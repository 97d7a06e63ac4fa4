/** The audit filter form as typed: free-text action and `YYYY-MM-DD` dates from date inputs, all optional. */
export interface AuditFilterForm {
  action: string;
  from: string;
  to: string;
}

export const emptyAuditFilters: AuditFilterForm = { action: "", from: "", to: "" };

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Local midnight of a `YYYY-MM-DD` date (the reader's day, not UTC's), or null when it is not one. */
function localDayStart(value: string): Date | null {
  const match = datePattern.exec(value);
  if (match === null) return null;
  const [, year, month, day] = match;
  const date = new Date(Number(year), Number(month) - 1, Number(day));
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * Turns the filter form into `audit.list` input. Both dates are whole days in the reader's time zone and
 * inclusive: "to 4 March" means up to the last millisecond of that day. Empty fields are left out.
 */
export function auditListInput(form: AuditFilterForm): { action?: string; from?: string; to?: string } {
  const input: { action?: string; from?: string; to?: string } = {};
  const action = form.action.trim();
  if (action !== "") input.action = action;
  const from = localDayStart(form.from);
  if (from !== null) input.from = from.toISOString();
  const toStart = localDayStart(form.to);
  if (toStart !== null) {
    const dayAfter = new Date(toStart.getFullYear(), toStart.getMonth(), toStart.getDate() + 1);
    input.to = new Date(dayAfter.getTime() - 1).toISOString();
  }
  return input;
}
