import { normalizeTechnology, technologyNames } from "@vitae/taxonomy";
import type { z } from "zod";
import { DocumentError, type DocumentWarning } from "../errors";
import { type Profile, profileSchema } from "../profile";
import { removeInstructionValues, WarningList } from "../screen/instructions";
import { isDateInSource, isInSource, type SourceFacts, sourceFactsOf } from "./grounding";
import {
  defaultLlmInputChars,
  type ResumePromptInput,
  resumeParsePrompt,
  type VersionedPrompt,
} from "./resume-prompt";

/** Per-call options passed through to the LLM client (e.g. `{ workspaceId, signal }` for `@vitae/llm`). */
export type LlmCallOptions = { workspaceId: string; signal?: AbortSignal } & Record<string, unknown>;

/**
 * The one LLM capability this package needs. `@vitae/llm`'s client returns `{ value }`; adapt it with
 * `{ structured: async (...args) => (await client.structured(...args)).value }`.
 */
export interface StructuredLlm {
  structured<T>(
    schema: z.ZodType<T>,
    prompt: VersionedPrompt<ResumePromptInput>,
    input: ResumePromptInput,
    options?: LlmCallOptions,
  ): Promise<T>;
}

/** A fact the model returned that the source text does not support, and was therefore dropped. */
export interface DroppedFact {
  /** Where it was, e.g. `experiences[1].company`, `experiences[0].start`, `skills[3]`. */
  path: string;
  value: string;
}

export interface LlmParseResult {
  profile: Profile;
  dropped: DroppedFact[];
  /** Values left out because they read as instructions to an AI model (`PROMPT_INJECTION`). */
  warnings: DocumentWarning[];
}

export interface LlmParseOptions {
  callOptions?: LlmCallOptions;
  /** Longest text sent to the model (default 60,000 characters; the rest is cut). */
  maxInputChars?: number;
  /**
   * Canonical technologies the text mentions (`ReadResume.mentionedTechnologies`, found in the sandbox);
   * computed from the text when absent. The taxonomy scan is the one costly step of grounding.
   */
  mentionedTechnologies?: readonly string[];
}

type Grounder = <V extends string | null>(path: string, value: V) => V | null;

function grounder(facts: SourceFacts, dropped: DroppedFact[]): { text: Grounder; date: Grounder } {
  const keep =
    (check: (value: string) => boolean): Grounder =>
    (path, value) => {
      if (value === null || check(value)) return value;
      dropped.push({ path, value });
      return null;
    };
  return {
    text: keep((value) => isInSource(facts, value)),
    date: keep((value) => isDateInSource(facts, value as "present")),
  };
}

/** Canonical technology names the source supports; unknown names are kept only when written in the source. */
function groundTechnologies(
  names: readonly string[],
  path: string,
  facts: SourceFacts,
  mentioned: ReadonlySet<string>,
  dropped: DroppedFact[],
): string[] {
  const kept = new Set<string>();
  names.forEach((raw, index) => {
    const canonical = normalizeTechnology(raw)?.name;
    if (canonical !== undefined && (mentioned.has(canonical) || isInSource(facts, raw))) kept.add(canonical);
    else if (canonical === undefined && isInSource(facts, raw)) kept.add(raw.trim());
    else dropped.push({ path: `${path}[${index}]`, value: raw });
  });
  return [...kept];
}

/**
 * Parses résumé text with an injected LLM, then trusts nothing the text does not support: the output is
 * validated with `profileSchema`; every name, company, title, school, degree, project, bullet, contact
 * detail and date is checked against the source (case-, spacing- and punctuation-insensitive); an
 * experience without a supported company and title, an education entry without a supported school and
 * a project without a supported name are dropped whole; other unsupported facts become `null` or are
 * removed (a spoken language without a supported name and an unsupported certification, award,
 * publication or volunteering entry are removed). Technologies and skills are normalised through `@vitae/taxonomy`. Every dropped fact is
 * reported. Values that read as instructions to an AI model are removed and reported as `warnings`
 * (`PROMPT_INJECTION`). Grounding is linear in the text and the output. Errors of the LLM client propagate unchanged; output that fails validation throws
 * `DocumentError("PARSE_FAILED")`.
 */
export async function parseResumeWithLlm(
  text: string,
  llm: StructuredLlm,
  options: LlmParseOptions = {},
): Promise<LlmParseResult> {
  const input = { text: text.slice(0, options.maxInputChars ?? defaultLlmInputChars) };
  const output = await llm.structured(profileSchema, resumeParsePrompt, input, options.callOptions);
  const parsed = profileSchema.safeParse(output);
  if (!parsed.success) throw new DocumentError("PARSE_FAILED", undefined, { cause: parsed.error });
  const raw = parsed.data;
  const facts = sourceFactsOf(input.text);
  const mentioned = new Set(options.mentionedTechnologies ?? technologyNames(input.text));
  const dropped: DroppedFact[] = [];
  const ground = grounder(facts, dropped);
  const bullets = (list: readonly string[], path: string) =>
    list.filter((bullet, index) => ground.text(`${path}[${index}]`, bullet) !== null);

  const profile: Profile = {
    name: ground.text("name", raw.name),
    headline: ground.text("headline", raw.headline),
    summary: ground.text("summary", raw.summary),
    contact: {
      email: ground.text("contact.email", raw.contact.email),
      phone: ground.text("contact.phone", raw.contact.phone),
      location: ground.text("contact.location", raw.contact.location),
      links: raw.contact.links.filter((link, index) => ground.text(`contact.links[${index}]`, link) !== null),
    },
    experiences: [],
    education: [],
    projects: [],
    skills: [],
  };
  raw.experiences.forEach((experience, index) => {
    const path = `experiences[${index}]`;
    const company = ground.text(`${path}.company`, experience.company);
    const title = ground.text(`${path}.title`, experience.title);
    if (company === null || title === null) return;
    profile.experiences.push({
      company,
      title,
      start: ground.date(`${path}.start`, experience.start),
      end: ground.date(`${path}.end`, experience.end),
      location: ground.text(`${path}.location`, experience.location),
      bullets: bullets(experience.bullets, `${path}.bullets`),
      technologies: groundTechnologies(
        experience.technologies,
        `${path}.technologies`,
        facts,
        mentioned,
        dropped,
      ),
    });
  });
  raw.education.forEach((entry, index) => {
    const path = `education[${index}]`;
    const school = ground.text(`${path}.school`, entry.school);
    if (school === null) return;
    profile.education.push({
      school,
      degree: ground.text(`${path}.degree`, entry.degree),
      field: ground.text(`${path}.field`, entry.field),
      start: ground.date(`${path}.start`, entry.start),
      end: ground.date(`${path}.end`, entry.end),
    });
  });
  raw.projects.forEach((project, index) => {
    const path = `projects[${index}]`;
    const name = ground.text(`${path}.name`, project.name);
    if (name === null) return;
    profile.projects.push({
      name,
      description: ground.text(`${path}.description`, project.description),
      url: ground.text(`${path}.url`, project.url),
      technologies: groundTechnologies(
        project.technologies,
        `${path}.technologies`,
        facts,
        mentioned,
        dropped,
      ),
    });
  });
  const skillNames = groundTechnologies(
    raw.skills.map((skill) => skill.raw),
    "skills",
    facts,
    mentioned,
    dropped,
  );
  // The first raw spelling per kept name, found in one pass (a lookup per skill would be quadratic).
  const rawByName = new Map<string, string>();
  for (const skill of raw.skills) {
    for (const key of [normalizeTechnology(skill.raw)?.name, skill.raw.trim()]) {
      if (key !== undefined && !rawByName.has(key)) rawByName.set(key, skill.raw);
    }
  }
  profile.skills = skillNames.map((name) => ({
    name,
    category: normalizeTechnology(name)?.category ?? "other",
    raw: rawByName.get(name) ?? name,
  }));
  profile.languages = (raw.languages ?? []).flatMap((spoken, index) => {
    const name = ground.text(`languages[${index}].name`, spoken.name);
    return name === null ? [] : [{ name, level: ground.text(`languages[${index}].level`, spoken.level) }];
  });
  for (const key of ["certifications", "awards", "publications", "volunteering"] as const)
    profile[key] = (raw[key] ?? []).filter((entry, index) => ground.text(`${key}[${index}]`, entry) !== null);
  const warnings = new WarningList();
  return { profile: removeInstructionValues(profile, warnings), dropped, warnings: warnings.items };
}
