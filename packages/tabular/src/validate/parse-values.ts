import type { DateOrder } from "../profile/profile-columns";

const isoPattern = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const partsPattern = /^(\d{1,2})([./-])(\d{1,2})\2(\d{2}|\d{4})$/;
const pad = (value: number) => String(value).padStart(2, "0");

const daysInMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * A calendar date (proleptic Gregorian, so 29 Feb 1900 is not one), computed rather than probed with a
 * `Date` per cell. Years below 100 ("0012-03-04") are refused, as the `Date.UTC` probe did.
 */
function isRealDate(year: number, month: number, day: number): boolean {
  if (year < 100 || month < 1 || month > 12 || day < 1) return false;
  const isLeap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && isLeap ? 29 : (daysInMonth[month - 1] as number));
}

/** Two-digit years: 00–49 are 2000s, 50–99 are 1900s (the POSIX/Excel convention). */
const fullYear = (year: string) =>
  year.length === 4 ? Number(year) : Number(year) + (Number(year) < 50 ? 2000 : 1900);

/**
 * A date as ISO 8601 (`YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM:SS` when a time is given). `order` is the
 * column's decided day/month order; under `ambiguous` a date whose day and month are both ≤ 12 is
 * refused as `ambiguous` rather than guessed. Impossible dates (31 April, 29 Feb 1900) are `invalid`.
 */
export function parseDate(
  value: string,
  order: DateOrder | null,
): { iso: string } | { error: "invalid" | "ambiguous" } {
  const iso = isoPattern.exec(value);
  if (iso) {
    const [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    if (!isRealDate(year, month, day)) return { error: "invalid" };
    const date = `${year}-${pad(month)}-${pad(day)}`;
    if (iso[4] === undefined) return { iso: date };
    const [hours, minutes, seconds] = [Number(iso[4]), Number(iso[5]), Number(iso[6] ?? 0)];
    if (hours > 23 || minutes > 59 || seconds > 59) return { error: "invalid" };
    return { iso: `${date}T${pad(hours)}:${pad(minutes)}:${pad(seconds)}` };
  }
  const parts = partsPattern.exec(value);
  if (!parts) return { error: "invalid" };
  const first = Number(parts[1]);
  const second = Number(parts[3]);
  const year = fullYear(parts[4] as string);
  let dayFirst: boolean;
  if (first > 12) dayFirst = true;
  else if (second > 12) dayFirst = false;
  else if (order === "dmy" || order === "mdy") dayFirst = order === "dmy";
  else if (first === second) dayFirst = true;
  else return { error: "ambiguous" };
  const [day, month] = dayFirst ? [first, second] : [second, first];
  if (!isRealDate(year, month, day)) return { error: "invalid" };
  return { iso: `${year}-${pad(month)}-${pad(day)}` };
}

/**
 * A number written the way HRIS exports write them: "72,000.00", "28.500,00", "42 000", "$28.50",
 * "0,8". The last of `.`/`,` is the decimal mark when both appear; a lone separator followed by exactly
 * three digits is a thousands mark ("1,250" is 1250 — the grouping reading is the common export form).
 */
export function parseNumber(raw: string): number | undefined {
  let value = raw.replace(/[\s\u00a0\u202f]/g, "").replace(/^([-+]?)[$€£¥]|[$€£¥]$|%$/g, "$1");
  if (!/^[-+]?[\d.,]+$/.test(value) || !/\d/.test(value)) return undefined;
  const lastDot = value.lastIndexOf(".");
  const lastComma = value.lastIndexOf(",");
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? "." : ",";
    const group = decimal === "." ? "," : ".";
    value = value.replaceAll(group, "").replace(decimal, ".");
  } else if (lastComma >= 0 || lastDot >= 0) {
    const mark = lastComma >= 0 ? "," : ".";
    const groups = value.split(mark);
    const isGrouping = groups.length > 2 || (groups[1]?.length === 3 && mark === ",");
    value = isGrouping ? groups.join("") : groups.join(".");
  }
  if (!/^[-+]?\d+(?:\.\d+)?$/.test(value)) return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? number : undefined;
}

const truthy = new Set([
  "true",
  "yes",
  "y",
  "1",
  "x",
  "si",
  "sí",
  "ja",
  "j",
  "oui",
  "o",
  "sim",
  "s",
  "verdadero",
  "wahr",
  "vrai",
  "verdadeiro",
  "on",
]);
const falsy = new Set([
  "false",
  "no",
  "n",
  "0",
  "nein",
  "non",
  "nao",
  "não",
  "falso",
  "falsch",
  "faux",
  "off",
]);

/** A yes/no value in any of the five languages, or undefined. */
export function parseBoolean(raw: string): boolean | undefined {
  const value = raw.trim().toLowerCase();
  if (truthy.has(value)) return true;
  if (falsy.has(value)) return false;
  return undefined;
}

const emailPattern =
  /^[^\s@<>(),;:"[\]]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

/** An email address trimmed and lower-cased, or undefined when it is not one. */
export function parseEmail(raw: string): string | undefined {
  const value = raw.trim().toLowerCase();
  return value.length <= 254 && emailPattern.test(value) ? value : undefined;
}

/** An absolute http(s) URL, or undefined (javascript:, data: and relative links are refused). */
export function parseUrl(raw: string): string | undefined {
  try {
    const url = new URL(raw.trim());
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}
