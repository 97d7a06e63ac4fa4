import type { Profile } from "./profile";

// Its own zod-free module: the sandboxed parser imports it, and loading zod would add ~0.1 s of CPU to
// every child run.
/** A profile with nothing in it — the start of every parse. */
export function emptyProfile(): Profile {
  return {
    name: null,
    headline: null,
    summary: null,
    contact: { email: null, phone: null, location: null, links: [] },
    experiences: [],
    education: [],
    projects: [],
    skills: [],
    languages: [],
    certifications: [],
    awards: [],
    publications: [],
    volunteering: [],
  };
}
