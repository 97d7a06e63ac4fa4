import { findTechnologies, normalizeTechnology, technologyNames } from "@vitae/taxonomy";
import type { Project, Skill } from "../profile";
import { findLinks } from "./contact";
import type { ResumeLine } from "./lines";
import { trimCharacters } from "./trim";

/**
 * Projects: each non-bullet line starts one ("Name — description. url", "Name: description", "Name
 * (url)"); bullets under it extend its description. Technologies come from the taxonomy.
 */
export function parseProjects(lines: readonly ResumeLine[]): Project[] {
  const drafts: Array<{ name: string; description: string[]; url: string | null }> = [];
  for (const line of lines) {
    const current = drafts.at(-1);
    if (line.isBullet && current !== undefined) {
      current.description.push(line.text);
      continue;
    }
    const url = findLinks(line.text)[0] ?? null;
    const text = (url === null ? line.text : line.text.replace(url, " "))
      .replace(/\(\s*\)/g, " ")
      .replace(/\s+/g, " ")
      .trim();
    // A wrapped line (lowercase start) or a lone URL continues the project above.
    if (current !== undefined && (text === "" || /^\p{Ll}/u.test(text))) {
      current.url ??= url;
      if (text !== "") current.description.push(text);
      continue;
    }
    const split = /^(.{2,80}?)(?:\s+[–—-]\s+|:\s+)(.+)$/u.exec(text);
    const name = trimCharacters(split?.[1] ?? text, /[\s.,;:–—-]/u, "end").trim();
    if (name === "") continue;
    const description = split?.[2] === undefined ? null : trimCharacters(split[2], /\s/, "end");
    drafts.push({ name, description: description === null || description === "" ? [] : [description], url });
  }
  return drafts.slice(0, 50).map((draft) => {
    const description = draft.description.join(" ").trim();
    return {
      name: draft.name.slice(0, 200),
      description: description === "" ? null : description.slice(0, 4000),
      url: draft.url,
      technologies: technologyNames(`${draft.name}\n${description}`).slice(0, 200),
    };
  });
}

// Spoken languages and soft skills are not technologies; a skills list often mixes them in.
const notTechnology =
  /^(?:english|spanish|portuguese|french|german|italian|mandarin|chinese|hindi|tamil|kannada|japanese|korean|arabic|russian|dutch|polish|native|fluent|communication|leadership|teamwork|mentoring|problem solving|time management)\b/i;
const label = /^[\p{L} &/]{2,40}:\s*/u;

/** Whether a line outside any section is a list of skills: at least three items, most of them known technologies. */
export function isSkillsLine(text: string): boolean {
  const items = text.split(/\s*[,;|•·]\s*/u).filter((item) => item !== "");
  if (items.length < 3) return false;
  const known = items.filter((item) => normalizeTechnology(item) !== null).length;
  return known * 5 >= items.length * 3;
}

/**
 * Skills from the lines of a skills section: labels ("Languages:") are dropped, items split on , ; |
 * • · and spaced slashes; each item is normalised through the taxonomy, or kept as `other` when it is
 * short and not a spoken language or soft skill.
 */
export function parseSkills(lines: readonly ResumeLine[]): Skill[] {
  const skills = new Map<string, Skill>();
  const add = (skill: Skill) => {
    if (!skills.has(skill.name.toLowerCase())) skills.set(skill.name.toLowerCase(), skill);
  };
  for (const line of lines) {
    const items = line.text.replace(label, "").split(/\s*[,;|•·]\s*|\s+\/\s+|\s+and\s+/u);
    for (const rawItem of items) {
      const raw = trimCharacters(rawItem, /[.\s]/, "end").trim();
      if (raw === "" || raw.length > 60) continue;
      const technology = normalizeTechnology(raw);
      if (technology !== null) {
        add({ name: technology.name, category: technology.category, raw });
        continue;
      }
      const mentions = findTechnologies(raw);
      for (const mention of mentions)
        add({ name: mention.name, category: mention.category, raw: mention.raw });
      if (mentions.length === 0 && raw.split(/\s+/).length <= 4 && !notTechnology.test(raw)) {
        add({ name: raw, category: "other", raw });
      }
    }
  }
  return [...skills.values()].slice(0, 300);
}
