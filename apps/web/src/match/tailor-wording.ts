import type { RouterOutputs } from "../trpc/types";

/** `tailoring.byId` as the API declares it. */
export type Tailoring = RouterOutputs["tailoring"]["byId"];
export type TailoringChange = Tailoring["changes"][number];
export type TailoringRejection = Tailoring["rejected"][number];
type Profile = RouterOutputs["profiles"]["byId"];

/**
 * Why the verifier refused a change, in words. `detail` is what the change introduced or lost
 * ("Kubernetes", "45%"); `satisfies` makes a code the matcher adds a compile error here.
 */
const rejectionWords = {
  "unknown-path": () => "It points at a part of the profile that no longer exists.",
  "stale-original": () => "The profile no longer says what this change expected.",
  "bad-action": () => "It is not a kind of change this part of the profile allows.",
  "loses-content": () => "It would drop something from the profile.",
  "new-skill": (detail: string) => `It would claim the skill “${detail}”, which the profile never mentions.`,
  "new-number": (detail: string) => `It would add the figure “${detail}”, which the profile never states.`,
  "new-name": (detail: string) => `It would name “${detail}”, which the profile never mentions.`,
  "new-title": (detail: string) => `It would claim the title “${detail}”, which the profile never held.`,
} as const satisfies Record<TailoringRejection["code"], (detail: string) => string>;

export function rejectionText(rejection: Pick<TailoringRejection, "code" | "reason">): string {
  return rejectionWords[rejection.code](rejection.reason);
}

const sectionLabels: Record<string, string> = {
  summary: "Summary",
  experiences: "Experience",
  education: "Education",
  projects: "Projects",
  skills: "Skills",
};

/** Where a change applies, as a heading: "Skills", "Bullets at Acme", "Summary". */
export function changeTarget(change: Pick<TailoringChange, "path">, profile: Profile | undefined): string {
  const parts = change.path.split("/");
  if (parts[0] === "sections") return "Section order";
  if (parts[0] === "skills") return "Skill order";
  if (parts[0] === "projects" && parts.length === 1) return "Project order";
  if (parts[0] === "summary") return "Summary";
  if (parts[0] === "headline") return "Headline";
  if (parts[0] === "experiences") {
    const experience = profile?.experiences.find((item) => item.id === parts[1]);
    const where = experience === undefined ? "a role" : `${experience.title} at ${experience.company}`;
    return parts.length === 3 ? `Bullet order in ${where}` : `A bullet in ${where}`;
  }
  if (parts[0] === "projects") {
    const project = profile?.projects.find((item) => item.id === parts[1]);
    return `Description of ${project?.name ?? "a project"}`;
  }
  return "The profile";
}

/**
 * A change's text or list as the user reads it: skill and project ids become their names, section
 * names their labels; anything the profile no longer has is left out rather than shown as an id.
 */
export function changeValueLines(
  path: string,
  value: TailoringChange["value"],
  profile: Profile | undefined,
): string[] {
  if (value === null) return [];
  if (typeof value === "string") return [value];
  if (path === "sections") return value.map((name) => sectionLabels[name] ?? name);
  if (path === "skills") {
    const names = new Map(profile?.skills.map((skill) => [skill.id, skill.name]));
    return value.flatMap((id) => names.get(id) ?? []);
  }
  if (path === "projects") {
    const names = new Map(profile?.projects.map((project) => [project.id, project.name]));
    return value.flatMap((id) => names.get(id) ?? []);
  }
  return value;
}

export const actionLabels: Record<TailoringChange["action"], string> = {
  replace: "Reworded",
  reorder: "Reordered",
  remove: "Removed",
};

/** A score change in words: "+4 points", "−1 point", "No change to the score". */
export function deltaText(delta: number): string {
  if (delta === 0) return "No change to the score";
  const size = Math.abs(delta);
  const figure = Number.isInteger(size) ? String(size) : size.toFixed(1);
  return `${delta > 0 ? "+" : "−"}${figure} ${size === 1 ? "point" : "points"}`;
}

/** What the progress line says while the job runs. */
export const tailoringStatusText: Record<Tailoring["status"], string> = {
  queued: "Waiting for a worker…",
  running: "Proposing changes…",
  ready: "Changes proposed.",
  confirmed: "Confirmed as a new profile version.",
  failed: "The changes could not be proposed.",
};

/** Whether the proposal job may still change the tailoring. */
export function isProposing(status: Tailoring["status"] | undefined): boolean {
  return status === undefined || status === "queued" || status === "running";
}

const deterministicWords = "These changes only reorder and trim what the profile already says.";

/**
 * How the changes were made, in words: with the LLM's rephrasings (each checked by the verifier), or
 * deterministically — saying why when the LLM could have been used but was not.
 */
export function tailoringModeText(view: Pick<Tailoring, "mode" | "fallback">): string {
  if (view.mode === "llm") {
    return "The LLM also suggested rephrasings. Each was checked against the profile: any that added a skill, employer, title, date or number was rejected and is listed below.";
  }
  if (view.fallback === "llm-error") return `The LLM could not be used this time. ${deterministicWords}`;
  if (view.fallback === "llm-limit") {
    return `The workspace’s LLM allowance is used up for now. ${deterministicWords}`;
  }
  return deterministicWords;
}
