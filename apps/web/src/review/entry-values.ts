import type { ProfileView } from "../documents/types";
import { type EntryField, type EntryValues, linesOf, textOrNull } from "./entry-form";

/**
 * The review's entry forms and how their values become patches: one field list per kind of fact, the
 * form values of a stored fact, and the patch values of a submitted form.
 */

export const roleFields: EntryField[] = [
  { name: "title", label: "Title", kind: "text", isRequired: true },
  { name: "company", label: "Company", kind: "text", isRequired: true },
  { name: "start", label: "Start", kind: "month" },
  { name: "end", label: "End", kind: "month" },
  { name: "current", label: "Works here now", kind: "current" },
  { name: "bullets", label: "What they did (one per line)", kind: "lines" },
];

export const schoolFields: EntryField[] = [
  { name: "school", label: "School", kind: "text", isRequired: true },
  { name: "degree", label: "Degree", kind: "text" },
  { name: "field", label: "Field of study", kind: "text" },
  { name: "start", label: "Start", kind: "month" },
  { name: "end", label: "End", kind: "month" },
];

export const projectFields: EntryField[] = [
  { name: "name", label: "Project name", kind: "text", isRequired: true },
  { name: "description", label: "Description", kind: "lines" },
  { name: "url", label: "Link", kind: "text" },
];

type Role = ProfileView["experiences"][number];
type School = ProfileView["education"][number];
type Project = ProfileView["projects"][number];

/** A role as its form shows it; a current role has "Works here now" ticked and no end. */
export function roleValues(role: Role): EntryValues {
  return {
    title: role.title,
    company: role.company,
    start: role.start ?? "",
    end: role.end === "present" ? "" : (role.end ?? ""),
    current: role.end === "present",
    bullets: role.bullets.join("\n"),
  };
}

/** A submitted role form as patch values (trimmed; blanks become null; ticked "now" is "present"). */
export function roleOf(values: EntryValues) {
  return {
    title: String(values.title).trim(),
    company: String(values.company).trim(),
    start: textOrNull(values.start),
    end: values.current === true ? "present" : textOrNull(values.end),
    bullets: linesOf(values.bullets),
  };
}

/** A school as its form shows it. */
export function schoolValues(school: School): EntryValues {
  return {
    school: school.school,
    degree: school.degree ?? "",
    field: school.field ?? "",
    start: school.start ?? "",
    end: school.end ?? "",
  };
}

/** A submitted school form as patch values. */
export function schoolOf(values: EntryValues) {
  return {
    school: String(values.school).trim(),
    degree: textOrNull(values.degree),
    field: textOrNull(values.field),
    start: textOrNull(values.start),
    end: textOrNull(values.end),
  };
}

/** A project as its form shows it. */
export function projectValues(project: Project): EntryValues {
  return { name: project.name, description: project.description ?? "", url: project.url ?? "" };
}

/** A submitted project form as patch values. */
export function projectOf(values: EntryValues) {
  return {
    name: String(values.name).trim(),
    description: textOrNull(values.description),
    url: textOrNull(values.url),
  };
}

/** `ids` with the entry at `index` moved by `step` (−1 up, +1 down). */
export function moved(ids: readonly string[], index: number, step: -1 | 1): string[] {
  const next = [...ids];
  const target = index + step;
  const [entry] = next.splice(index, 1);
  if (entry === undefined || target < 0 || target > ids.length - 1) return [...ids];
  next.splice(target, 0, entry);
  return next;
}
