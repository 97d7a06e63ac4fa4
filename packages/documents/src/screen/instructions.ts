import { checkGuardrails, maxQuestionLength, normalizeQuestion } from "@vitae/query";
import type { DocumentWarning } from "../errors";
import type { Profile } from "../profile";

// The detector reads at most `maxQuestionLength` characters at a time; windows overlap by more than the
// longest phrase it looks for, so an instruction cut by a window edge is still seen whole in the next.
const windowOverlap = 200;
const windowStep = maxQuestionLength - windowOverlap;
// Each line pair is checked around its seam only: an instruction wrapped onto the next line.
const seamChars = 300;
/** Most warnings kept per document: a file of planted lines must not become a list of thousands. */
export const maxDocumentWarnings = 20;
const maxExcerptChars = 200;

/**
 * Whether `text` reads as instructions to an AI model ("ignore all previous instructions", "you are now
 * …", encoded variants). The detector is the query pipeline's prompt-injection guardrail — one detector
 * for questions and documents. Linear in `text`: fixed-size windows, each read in linear time.
 */
export function readsAsInstructions(text: string): boolean {
  for (let start = 0; start < text.length; start += windowStep) {
    const window = text.slice(start, start + maxQuestionLength);
    const verdict = checkGuardrails(normalizeQuestion(window));
    if (!verdict.allowed && verdict.code === "PROMPT_INJECTION") return true;
    if (start + maxQuestionLength >= text.length) break;
  }
  return false;
}

/** Collects warnings up to {@link maxDocumentWarnings}, one per distinct excerpt. */
export class WarningList {
  readonly items: DocumentWarning[] = [];
  private readonly seen = new Set<string>();

  add(excerpt: string): void {
    const trimmed = excerpt.trim().slice(0, maxExcerptChars);
    if (this.items.length >= maxDocumentWarnings || this.seen.has(trimmed)) return;
    this.seen.add(trimmed);
    this.items.push({ code: "PROMPT_INJECTION", excerpt: trimmed });
  }
}

/**
 * Removes the lines of a résumé's text that read as instructions to an AI model (alone, or together with
 * the next line when the instruction wraps), so no parser — heuristic or LLM — ever sees them, and
 * reports each as a `PROMPT_INJECTION` warning. Linear in the text.
 */
export function removeInstructionLines(text: string, warnings: WarningList): string {
  const lines = text.split("\n");
  const flagged = lines.map(readsAsInstructions);
  for (let index = 0; index + 1 < lines.length; index += 1) {
    if (flagged[index] || flagged[index + 1]) continue;
    const seam = `${(lines[index] ?? "").slice(-seamChars)} ${(lines[index + 1] ?? "").slice(0, seamChars)}`;
    if (readsAsInstructions(seam)) {
      flagged[index] = true;
      flagged[index + 1] = true;
    }
  }
  const kept: string[] = [];
  lines.forEach((line, index) => {
    if (flagged[index]) warnings.add(line);
    else kept.push(line);
  });
  return kept.join("\n");
}

/**
 * The profile without any value that reads as instructions to an AI model: such a scalar becomes `null`,
 * such a list item is removed, and an entry whose identifying field (company, title, school, project or
 * skill name) is one is dropped whole. Each removal is a warning. For parser output that may combine
 * lines (wrapped bullets, LLM output); linear in the profile's text.
 */
export function removeInstructionValues(profile: Profile, warnings: WarningList): Profile {
  const clean = <V extends string | null>(value: V): V | null => {
    if (value === null || !readsAsInstructions(value)) return value;
    warnings.add(value);
    return null;
  };
  const isClean = (value: string) => clean(value) !== null;
  return {
    name: clean(profile.name),
    headline: clean(profile.headline),
    summary: clean(profile.summary),
    contact: {
      email: clean(profile.contact.email),
      phone: clean(profile.contact.phone),
      location: clean(profile.contact.location),
      links: profile.contact.links.filter(isClean),
    },
    experiences: profile.experiences
      .filter((entry) => isClean(entry.company) && isClean(entry.title))
      .map((entry) => ({
        ...entry,
        location: clean(entry.location),
        bullets: entry.bullets.filter(isClean),
      })),
    education: profile.education
      .filter((entry) => isClean(entry.school))
      .map((entry) => ({ ...entry, degree: clean(entry.degree), field: clean(entry.field) })),
    projects: profile.projects
      .filter((project) => isClean(project.name))
      .map((project) => ({ ...project, description: clean(project.description), url: clean(project.url) })),
    skills: profile.skills.filter((skill) => isClean(skill.raw) && isClean(skill.name)),
    languages: profile.languages
      ?.filter((spoken) => isClean(spoken.name))
      .map((spoken) => ({ ...spoken, level: clean(spoken.level) })),
    certifications: profile.certifications?.filter(isClean),
    awards: profile.awards?.filter(isClean),
    publications: profile.publications?.filter(isClean),
    volunteering: profile.volunteering?.filter(isClean),
  };
}
