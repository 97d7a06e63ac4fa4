import { contentTerms, stem } from "../terms";
import { evidenceOf } from "../topics";
import type { AskProfile } from "../types";

// What a work question is about: the object of "worked on/in/at/with/for" or "experience in/with".
const workObject =
  /\b(?:work(?:ed|s|ing)?|experience|background) (?:on|in|at|with|for) (?:an? |any |the |some )?([^?!.]{2,80})/i;
// Words the object can hold that still only frame it ("a company in healthcare", "some kind of startup").
const frameWords = new Set(
  ["kind", "type", "sort", "field", "area", "company", "companies", "team", "teams", "before", "ever"].map(
    stem,
  ),
);

/**
 * The words naming what a work question is about ("compilers" in "has she worked on compilers?"), when not
 * one of them appears anywhere on the résumé; empty when some does, or when the question is not of that
 * shape. A question nothing on the résumé can place gets "the résumé doesn't mention …", not every role.
 */
export function unplacedWords(question: string, profile: AskProfile): string[] {
  const names = new Set(contentTerms(profile.name ?? ""));
  const object = question.match(workObject)?.[1] ?? "";
  const words = (object.match(/[\p{L}\p{N}+#-]+/gu) ?? []).filter((word) => {
    const [term] = contentTerms(word);
    return term !== undefined && !frameWords.has(term) && !names.has(term);
  });
  if (words.length === 0) return [];
  const known = new Set(evidenceOf(profile).flatMap((piece) => contentTerms(piece.text)));
  for (const job of profile.experiences) {
    for (const text of [job.location ?? "", ...job.technologies])
      for (const term of contentTerms(text)) known.add(term);
  }
  for (const term of contentTerms(profile.contact.location ?? "")) known.add(term);
  return words.some((word) => contentTerms(word).some((term) => known.has(term))) ? [] : words;
}
