import { extractEntities } from "./entities";
import type { AskProfile, DateConstraint, ProfileExperience, YearMonth } from "./types";
import type { WorkBudget } from "./work-budget";
import { shiftMonths, toMonthIndex } from "./year-month";

type Dated = { start: YearMonth | null; end: YearMonth | "present" | null };

const range = (start: YearMonth | null, end: YearMonth | null): DateConstraint => ({
  kind: "range",
  start,
  end,
});
const byMonth = (values: Array<YearMonth | null | "present">): YearMonth[] =>
  values
    .filter((value): value is YearMonth => value !== null && value !== "present")
    .sort((a, b) => toMonthIndex(a) - toMonthIndex(b));

// Degrees a question names without the school: "after her PhD", "before his master's", "after his studies".
const studyWords: ReadonlyArray<[asked: RegExp, degree: RegExp]> = [
  [/^(ph\.?d|doctora\w*|dissertation|thesis)\b/, /ph\.?\s?d|doctor|dphil/],
  [/^master'?s?\b/, /master|m\.?\s?sc|\bm\.?a\b|mba|m\.?\s?eng|magistrale/],
  [
    /^(bachelor'?s?|undergrad\w*)\b/,
    /bachelor|b\.?\s?sc|\bb\.?a\b|b\.?\s?tech|b\.?\s?eng|bacharel|licenciatura|laurea\b/,
  ],
  [/^(degree|studies|graduation|graduating|university|college)\b/, /./],
];

function studiesNamed(tail: string, profile: AskProfile): Dated[] {
  const words = tail.replace(/^(his|her|their|the) /, "");
  const kind = studyWords.find(([asked]) => asked.test(words));
  if (!kind) return [];
  // A certificate is not "the studies" a career follows.
  return profile.education.filter(
    (item) => !/certif/i.test(item.degree ?? "") && kind[1].test((item.degree ?? "").toLowerCase()),
  );
}

/**
 * An undated role (its dates did not parse) still has a place: résumés list roles newest first, so the
 * roles listed after it came before it and those listed before it came after.
 */
function byListOrder(
  direction: "before" | "after",
  roles: ProfileExperience[],
  profile: AskProfile,
): DateConstraint | null {
  const positions = roles.map((role) => profile.experiences.indexOf(role)).filter((index) => index >= 0);
  if (positions.length === 0) return null;
  if (direction === "before") {
    const older = profile.experiences.slice(Math.max(...positions) + 1);
    const latest = byMonth(older.flatMap((role) => [role.start, role.end])).pop();
    return latest ? range(null, latest) : null;
  }
  const newer = profile.experiences.slice(0, Math.min(...positions));
  const earliest = byMonth(newer.flatMap((role) => [role.start, role.end]))[0];
  return earliest ? range(earliest, null) : null;
}

/**
 * "before Stripe" / "after leaving Acme" / "after her PhD": a range bounded by the dates of that employer,
 * school or degree in the profile; an undated employer is placed by the order the résumé lists roles in.
 */
export function relativeToEntity(
  folded: string,
  profile: AskProfile,
  nowMonth: YearMonth,
  budget: WorkBudget | undefined,
): DateConstraint | null {
  const match = folded.match(
    /\b(before|prior to|after|since|following) (joining |leaving |working at |working for |going to |starting at |moving to |finishing |completing |at |he joined |she joined |they joined )?(.{2,60})$/,
  );
  if (!match) return null;
  const [, word, , tail = ""] = match;
  const direction =
    word === "before" || word === "prior to" ? "before" : word === "since" ? "since" : "after";
  const entity = extractEntities(tail, profile, budget).find(
    (found) => found.kind === "company" || found.kind === "school",
  );
  const spans: Dated[] = entity
    ? [...profile.experiences, ...profile.education].filter((item) => entity.factIds.includes(item.id))
    : studiesNamed(tail, profile);
  if (spans.length === 0) return null;
  const first = byMonth(spans.map((item) => item.start))[0];
  const last = byMonth(spans.map((item) => item.end)).pop();
  const roles = profile.experiences.filter((role) => (spans as unknown[]).includes(role));
  if (direction === "before") {
    if (first) return range(null, shiftMonths(first, -1));
    return byListOrder("before", roles, profile);
  }
  if (direction === "since") {
    if (first) return range(first, nowMonth);
    return byListOrder("after", roles, profile);
  }
  if (last) return range(shiftMonths(last, 1), nowMonth);
  return spans.some((item) => item.end === "present") ? null : byListOrder("after", roles, profile);
}
