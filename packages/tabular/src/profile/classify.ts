/** The closed list of value kinds the profiler guesses per column. */
export const columnKinds = ["email", "phone", "date", "number", "id", "enum", "text", "empty"] as const;
export type ColumnKind = (typeof columnKinds)[number];

/** Per-value shapes; a column's kind is the shape most of its values share. */
export type ValueShape = "email" | "phone" | "date" | "integer" | "decimal" | "code" | "text";

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const isoDatePattern = /^\d{4}-\d{1,2}-\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2})?)?$/;
const partsDatePattern = /^(\d{1,2})([./-])(\d{1,2})\2(\d{2}|\d{4})$/;
const integerPattern = /^[-+]?\d+$/;
const decimalPattern = /^[-+]?[$€£]?\s?\d{1,3}(?:[ ,.\u00a0]\d{3})*(?:[.,]\d+)?\s?[$€£%]?$|^[-+]?\d*[.,]\d+$/;
const phonePattern = /^\+?[\d\s().\-/]{7,22}$/;
const codePattern = /^[A-Za-z]{1,6}[-_ ]?\d[\dA-Za-z-]*$|^[A-Za-z0-9]{6,}$/;

/** Day/month order evidence from one `a/b/yyyy` date: a part above 12 can only be the day. */
export type DateEvidence = "dmy" | "mdy" | "ymd" | "either";

/** Reads a date-looking value's order evidence, or undefined when it is not a date. */
export function dateEvidence(value: string): DateEvidence | undefined {
  if (isoDatePattern.test(value)) return "ymd";
  const match = partsDatePattern.exec(value);
  if (!match) return undefined;
  const first = Number(match[1]);
  const second = Number(match[3]);
  if (first < 1 || second < 1 || first > 31 || second > 31 || (first > 12 && second > 12)) return undefined;
  if (first > 12) return "dmy";
  if (second > 12) return "mdy";
  return "either";
}

/** The shape of one trimmed, non-empty value. Cheap: a handful of anchored regexes, no backtracking blow-ups. */
export function valueShape(value: string): ValueShape {
  if (value.length > 320) return "text";
  if (value.includes("@") && emailPattern.test(value)) return "email";
  if (dateEvidence(value) !== undefined) return "date";
  if (integerPattern.test(value)) return value.startsWith("+") && value.length >= 9 ? "phone" : "integer";
  if (decimalPattern.test(value)) return "decimal";
  if (phonePattern.test(value)) {
    const digits = value.replace(/\D/g, "").length;
    if (digits >= 7 && digits <= 15) return "phone";
  }
  if (codePattern.test(value) && /\d/.test(value)) return "code";
  return "text";
}
