import { AppError } from "@vitae/errors";
import { expect } from "vitest";
import type { Database } from "./database";
import { insertTestWorkspace } from "./identity-fixtures";
import { type DocumentRecord, insertDocument } from "./index";
import type { Profile } from "./queries/profile-types";

/** Test support: a well-formed id that matches no row. */
export const missingId = "00000000-0000-4000-8000-000000000000";

/** Test support: the `AppError` code a promise rejects with (fails the test when it resolves). */
export async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).code;
}

/** Test support: an `uploaded` document in `workspaceId`. */
export function insertTestDocument(
  db: Database,
  workspaceId: string,
  values: { filename?: string; uploadedBy?: string | null } = {},
): Promise<DocumentRecord> {
  return insertDocument(db, {
    workspaceId,
    uploadedBy: values.uploadedBy ?? null,
    filename: values.filename ?? "resume.pdf",
    contentType: "application/pdf",
    size: 1234,
  });
}

/** Test support: a workspace with one document. */
export async function insertTestWorkspaceWithDocument(
  db: Database,
): Promise<{ workspaceId: string; ownerId: string; document: DocumentRecord }> {
  const { workspace, owner } = await insertTestWorkspace(db);
  const document = await insertTestDocument(db, workspace.id, { uploadedBy: owner.id });
  return { workspaceId: workspace.id, ownerId: owner.id, document };
}

/** Test support: a small but complete profile; `overrides` replace top-level fields. */
export function sampleProfile(overrides: Partial<Profile> = {}): Profile {
  return {
    name: "Ada Lovelace",
    headline: "Staff engineer",
    summary: "Builds reliable data platforms.",
    contact: {
      email: "ada@example.com",
      phone: "+44 20 0000 0000",
      location: "London",
      links: ["https://example.com/ada"],
    },
    experiences: [
      {
        company: "Analytical Engines Ltd",
        title: "Staff Engineer",
        start: "2021-03",
        end: "present",
        location: "London",
        bullets: ["Migrated the billing stack to Kubernetes operators", "Mentored six engineers"],
        technologies: ["Kubernetes", "Go"],
      },
      {
        company: "Difference Co",
        title: "Software Engineer",
        start: "2018-01",
        end: "2021-02",
        location: null,
        bullets: ["Wrote the payroll reporting service", "Cut build times by half"],
        technologies: ["TypeScript"],
      },
    ],
    education: [
      {
        school: "University of London",
        degree: "BSc",
        field: "Mathematics",
        start: "2014-09",
        end: "2017-06",
      },
    ],
    projects: [
      {
        name: "Loom",
        description: "A pattern compiler for weaving looms",
        url: "https://example.com/loom",
        technologies: ["Rust"],
      },
    ],
    skills: [
      { name: "Kubernetes", category: "devops", raw: "k8s" },
      { name: "Weaving", category: "other", raw: "weaving" },
    ],
    ...overrides,
  };
}
