import type { ProfilePatch } from "../documents/types";

/**
 * Owner corrections (`profiles.update({ profileId, patch })`) and how they change the cached
 * `ProfileView`, so the page can show an edit at once and put the old value back if the server refuses.
 */

/** What `profiles.update` accepts as `patch`: top-level fields (contact ones flat) and experiences by id. */
export type ProfilePatchInput = ProfilePatch;
export type ExperiencePatch = NonNullable<ProfilePatch["experiences"]>[number];

/** The parts of a ProfileView a patch touches; the rest of the view passes through unchanged. */
interface PatchableView {
  name: string | null;
  headline: string | null;
  summary: string | null;
  contact: { email: string | null; phone: string | null; location: string | null; links: string[] };
  experiences: Array<{
    id: string;
    title: string;
    company: string;
    start: string | null;
    end: string | null;
  }>;
}

function defined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}

/** The view after `patch`, as the server is expected to store it; never mutates `view`. */
export function applyProfilePatch<View extends PatchableView>(view: View, patch: ProfilePatchInput): View {
  const { email, phone, location, experiences, ...topLevel } = patch;
  const byId = new Map((experiences ?? []).map((change) => [change.id, change]));
  return {
    ...view,
    ...defined(topLevel),
    // The patch names contact fields flat; the view nests them.
    contact: { ...view.contact, ...defined({ email, phone, location }) },
    experiences: view.experiences.map((experience) => {
      const change = byId.get(experience.id);
      if (change === undefined) return experience;
      const { id: _id, ...fields } = change;
      return { ...experience, ...defined(fields) };
    }),
  };
}

/** A text field as typed → the value to store: trimmed, and empty meaning "not known" (null). */
export function normaliseText(raw: string): string | null {
  const value = raw.trim();
  return value === "" ? null : value;
}

const fieldWords: Record<string, string> = {
  name: "the name",
  headline: "the headline",
  summary: "the summary",
  email: "the email address",
  phone: "the phone number",
  location: "the location",
  links: "the links",
  experiences: "the role",
};

/** What a saved in-place correction did, in words, for the "Saved … · Undo" notice. */
export function savedLabel(patch: ProfilePatchInput): string {
  const fields = Object.keys(patch).filter((key) => patch[key as keyof ProfilePatchInput] !== undefined);
  const only = fields.length === 1 ? fieldWords[fields[0] ?? ""] : undefined;
  return only === undefined ? "Saved your changes" : `Saved ${only}`;
}
