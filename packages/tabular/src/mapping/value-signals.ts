import type { FieldDefinition } from "../entities/types";
import type { ColumnProfile } from "../profile/profile-columns";

/** Webmail domains: an address there is personal, not the employer's. */
const personalDomains =
  /@(gmail|googlemail|yahoo|ymail|hotmail|outlook|live|msn|icloud|me|aol|proton|protonmail|gmx|web|t-online|freenet|orange|free|laposte|sfr|wanadoo|bluewin|sapo|uol|bol|terra|libero|videotron|mail)\./i;

/**
 * How well a column's values fit a field's type, as an adjustment to a name-based score and a phrase
 * for the reason. Only a confident profile (≥ 80 % of values of one kind) counts as evidence.
 */
export function valueFit(
  profile: ColumnProfile | undefined,
  field: FieldDefinition,
): { delta: number; note?: string } {
  if (!profile || profile.filled === 0) return { delta: 0 };
  const { kind } = profile;
  const expected: Partial<Record<FieldDefinition["type"], ColumnProfile["kind"][]>> = {
    email: ["email"],
    phone: ["phone", "number", "id"],
    date: ["date"],
    number: ["number", "id"],
    url: ["text"],
  };
  if (field.type === "email") {
    if (kind !== "email") return { delta: -0.3, note: "values are not email addresses" };
    const personal = profile.samples.filter((sample) => personalDomains.test(sample)).length;
    const isPersonal = personal > profile.samples.length / 2;
    const wantsWork = /work/i.test(field.name);
    if (isPersonal === wantsWork)
      return { delta: -0.12, note: isPersonal ? "addresses look personal" : "addresses look corporate" };
    return {
      delta: 0.04,
      note: isPersonal ? "values are personal email addresses" : "values are corporate email addresses",
    };
  }
  const kinds = expected[field.type];
  if (kinds?.includes(kind))
    return { delta: 0.04, note: `values look like ${kind === "id" ? "numbers" : `${kind}s`}` };
  if (field.type === "url") {
    const urls = profile.samples.filter((sample) => /^https?:\/\//i.test(sample)).length;
    return urls > 0
      ? { delta: 0.04, note: "values are links" }
      : { delta: -0.2, note: "values are not links" };
  }
  if (kinds && ["email", "phone", "date"].includes(kind))
    return { delta: -0.3, note: `values are ${kind}s, not ${field.type}s` };
  if (field.type !== "date" && kind === "date") return { delta: -0.3, note: "values are dates" };
  if (kind === "email") return { delta: -0.3, note: "values are email addresses" };
  return { delta: 0 };
}

/** A guess from values alone, used only when no name matched: an email column, a phone column, … */
export function valueOnlyGuess(profile: ColumnProfile | undefined, field: FieldDefinition): number {
  if (!profile || profile.filled === 0) return 0;
  if (field.type === "email" && profile.kind === "email") return 0.5;
  if (field.type === "phone" && profile.kind === "phone" && field.name === "phone") return 0.5;
  return 0;
}
