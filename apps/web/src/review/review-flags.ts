import type { ProfilePatch, ProfileView } from "../documents/types";

/**
 * Parsed fields that are probably wrong, each with the one-click fix that usually repairs it. Heuristics
 * only: a flag asks a person to look, and its fix is a correction like any other (undoable).
 */
export interface ReviewFlag {
  /** Stable within one profile view: `<kind>:<fact id>[:<index>]`. */
  key: string;
  kind:
    | "company-looks-like-title"
    | "bullet-looks-like-heading"
    | "missing-dates"
    | "looks-like-continuation";
  /** The fact the flag is about (its `#fact-<id>` anchor). */
  factId: string;
  /** What looks wrong, in words. */
  message: string;
  /** The fix, when one click can make it: its button label and the patch it saves. */
  fix: { label: string; patch: ProfilePatch } | null;
}

type Experience = ProfileView["experiences"][number];

// Words that name a job rather than an employer.
const titleWords =
  /\b(engineer|developer|manager|designer|analyst|intern|lead|director|consultant|specialist|architect|scientist|administrator|officer|assistant|associate|head|vp|president|programmer|coordinator|technician|founder|cto|ceo)\b/i;
// Section names a parser can mistake for content.
const sectionWords =
  /^(experience|work experience|work history|employment|education|skills|technical skills|projects|languages|summary|profile|certifications|awards)$/i;

function looksLikeTitle(text: string): boolean {
  return titleWords.test(text);
}

/** A short line that reads as a heading: ends with a colon, is a section name, or is in capitals. */
export function looksLikeHeading(text: string): boolean {
  const trimmed = text.trim();
  const words = trimmed.split(/\s+/);
  if (words.length > 5) return false;
  const letters = trimmed.replace(/[^\p{L}]/gu, "");
  return (
    trimmed.endsWith(":") ||
    sectionWords.test(trimmed.replace(/:$/, "")) ||
    (letters.length >= 3 && letters === letters.toUpperCase())
  );
}

function experienceFlags(experience: Experience, previous: Experience | undefined): ReviewFlag[] {
  const flags: ReviewFlag[] = [];
  if (looksLikeTitle(experience.company) && !looksLikeTitle(experience.title)) {
    flags.push({
      key: `company-looks-like-title:${experience.id}`,
      kind: "company-looks-like-title",
      factId: experience.id,
      message: `“${experience.company}” reads like a job title, not a company.`,
      fix: {
        label: "Swap title and company",
        patch: { experiences: [{ id: experience.id, title: experience.company, company: experience.title }] },
      },
    });
  }
  const hasNoDates = experience.start === null && experience.end === null;
  if (hasNoDates && previous !== undefined && experience.bullets.length <= 1) {
    flags.push({
      key: `looks-like-continuation:${experience.id}`,
      kind: "looks-like-continuation",
      factId: experience.id,
      message: `“${experience.title}” has no dates and little detail; it may belong to the role above.`,
      fix: {
        label: "Merge into previous entry",
        patch: {
          experiences: [
            {
              id: previous.id,
              bullets: [
                ...previous.bullets,
                `${experience.title} — ${experience.company}`,
                ...experience.bullets,
              ],
            },
          ],
          remove: { experiences: [experience.id] },
        },
      },
    });
  } else if (experience.start === null) {
    flags.push({
      key: `missing-dates:${experience.id}`,
      kind: "missing-dates",
      factId: experience.id,
      message: `No start date was found for ${experience.title} at ${experience.company}.`,
      fix: null,
    });
  }
  experience.bullets.forEach((bullet, index) => {
    if (!looksLikeHeading(bullet)) return;
    flags.push({
      key: `bullet-looks-like-heading:${experience.id}:${index}`,
      kind: "bullet-looks-like-heading",
      factId: experience.id,
      message: `“${bullet}” reads like a heading, not something done at ${experience.company}.`,
      fix: {
        label: "Remove this line",
        patch: {
          experiences: [
            { id: experience.id, bullets: experience.bullets.filter((_, other) => other !== index) },
          ],
        },
      },
    });
  });
  return flags;
}

/** Every flag of `profile`, in page order. */
export function reviewFlags(profile: Pick<ProfileView, "experiences">): ReviewFlag[] {
  return profile.experiences.flatMap((experience, index) =>
    experienceFlags(experience, index === 0 ? undefined : profile.experiences[index - 1]),
  );
}
