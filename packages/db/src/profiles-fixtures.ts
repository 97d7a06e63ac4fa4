import { afterAll, beforeAll } from "vitest";
import type { Database } from "./database";
import { insertTestWorkspaceWithDocument, sampleProfile } from "./documents-fixtures";
import { type getProfileView, type Profile, saveProfile } from "./index";
import type { testDrivers } from "./test-drivers";

const taxonomy = new Map([
  ["Kubernetes", { name: "Kubernetes", category: "devops" }],
  ["Rust", { name: "Rust", category: "language" }],
]);
export const resolveTechnology = (name: string) => taxonomy.get(name);

/** The view without ids and metadata: what was saved, as a Profile. */
export function asProfile(view: Awaited<ReturnType<typeof getProfileView>>): Profile {
  if (view === undefined) throw new Error("no profile");
  const strip = <T extends { id: string }>({ id: _id, ...rest }: T) => rest;
  return {
    name: view.name,
    headline: view.headline,
    summary: view.summary,
    contact: view.contact,
    experiences: view.experiences.map(strip),
    education: view.education.map(strip),
    projects: view.projects.map(strip),
    skills: view.skills.map(strip),
  };
}

/** Test support for the profile files: a database of one driver for the describe block, and a saver. */
export interface ProfileDatabase {
  /** Set by the block's `beforeAll`. */
  db: Database;
  /** Saves `profile` for a new workspace's document, as the LLM parser with the test taxonomy. */
  saved: (profile?: Profile) => Promise<{ workspaceId: string; documentId: string; profileId: string }>;
}

/** Opens the driver's database before the block's tests and drops it after them. */
export function useProfileDatabase(open: (typeof testDrivers)[number]["open"]): ProfileDatabase {
  const fixture = {} as ProfileDatabase;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const database = await open();
    fixture.db = database.handle.db;
    drop = database.drop;
  });
  afterAll(async () => {
    await drop();
  });

  fixture.saved = async (profile = sampleProfile()) => {
    const { workspaceId, document } = await insertTestWorkspaceWithDocument(fixture.db);
    const profileId = await saveProfile(fixture.db, {
      workspaceId,
      documentId: document.id,
      profile,
      parser: "llm",
      parserVersion: "7",
      resolveTechnology,
    });
    return { workspaceId, documentId: document.id, profileId };
  };
  return fixture;
}
