import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "./database";
import { codeOf, insertTestWorkspaceWithDocument, missingId, sampleProfile } from "./documents-fixtures";
import {
  getProfileView,
  type Profile,
  rankProfileFacts,
  saveProfile,
  searchProfileFacts,
  updateProfile,
} from "./index";
import { testDrivers } from "./test-drivers";

const profile: Profile = sampleProfile({
  experiences: [
    {
      company: "Acme Payroll",
      title: "Backend Engineer",
      start: "2019-01",
      end: "2020-12",
      location: null,
      bullets: ["Maintained the invoicing service", "Reduced payroll errors"],
      technologies: ["Kubernetes"],
    },
    {
      company: "Globex",
      title: "Platform Engineer",
      start: "2021-01",
      end: "present",
      location: "Berlin",
      bullets: [
        "Operated twelve Kubernetes clusters for the data team",
        "Wrote the on-call runbooks for backend teams",
      ],
      technologies: ["Terraform"],
    },
  ],
  education: [
    {
      school: "Technical University",
      degree: "MSc",
      field: "Distributed systems",
      start: null,
      end: "2018-06",
    },
  ],
  projects: [{ name: "Kite", description: "A tiny scheduler", url: null, technologies: ["Kubernetes"] }],
});

describe.each(testDrivers)("profile fact search on $kind", ({ open }) => {
  let db: Database;
  let drop: () => Promise<void>;
  let workspaceId: string;
  let profileId: string;
  let ids: { payroll: string; globex: string; school: string; kite: string };

  beforeAll(async () => {
    const database = await open();
    db = database.handle.db;
    drop = database.drop;
    const { workspaceId: ws, document } = await insertTestWorkspaceWithDocument(db);
    workspaceId = ws;
    profileId = await saveProfile(db, {
      workspaceId,
      documentId: document.id,
      profile,
      parser: "llm",
      parserVersion: "1",
    });
    const view = await getProfileView(db, { workspaceId, profileId });
    ids = {
      payroll: view?.experiences[0]?.id ?? "",
      globex: view?.experiences[1]?.id ?? "",
      school: view?.education[0]?.id ?? "",
      kite: view?.projects[0]?.id ?? "",
    };
  });
  afterAll(async () => {
    await drop();
  });

  it("ranks a matching bullet above facts that only list the technology", async () => {
    const hits = await searchProfileFacts(db, { workspaceId, profileId, query: "kubernetes clusters" });
    expect(hits[0]).toMatchObject({ kind: "experience", id: ids.globex });
    expect(hits[0]?.snippet).toContain("Kubernetes clusters");
    expect(hits[0]?.snippet).not.toMatch(/<b>/);

    const broad = await searchProfileFacts(db, { workspaceId, profileId, query: "kubernetes" });
    // The bullet (weight B) outranks technology tags (weight C) on the other experience and the project.
    expect(broad.map((hit) => hit.id)).toEqual([ids.globex, expect.any(String), expect.any(String)]);
    expect(new Set(broad.map((hit) => hit.id))).toEqual(new Set([ids.globex, ids.payroll, ids.kite]));
    const ranks = broad.map((hit) => hit.rank);
    expect(ranks[0]).toBeGreaterThan(ranks[1] ?? Infinity);
    expect([...ranks].sort((a, b) => b - a)).toEqual(ranks);
  });

  it("weighs company and title above bullets, stems words and searches every fact kind", async () => {
    // "Backend" is the payroll job's title (A) and only a bullet word (B) at Globex.
    const backend = await searchProfileFacts(db, { workspaceId, profileId, query: "backend" });
    expect(backend.map((hit) => hit.id)).toEqual([ids.payroll, ids.globex]);
    expect(backend[0]?.rank).toBeGreaterThan(backend[1]?.rank ?? Infinity);
    await expect(
      searchProfileFacts(db, { workspaceId, profileId, query: "operating" }),
    ).resolves.toMatchObject([{ id: ids.globex }]);
    await expect(
      searchProfileFacts(db, { workspaceId, profileId, query: "distributed" }),
    ).resolves.toMatchObject([{ kind: "education", id: ids.school }]);
    await expect(
      searchProfileFacts(db, { workspaceId, profileId, query: "scheduler" }),
    ).resolves.toMatchObject([{ kind: "project", id: ids.kite }]);
  });

  it("understands web-search syntax and never raises on odd input", async () => {
    const excluded = await searchProfileFacts(db, { workspaceId, profileId, query: "kubernetes -clusters" });
    expect(excluded.map((hit) => hit.id)).not.toContain(ids.globex);
    expect(excluded.length).toBeGreaterThan(0);
    for (const query of ["", "the", '"', "&|!(:*", "' or 1=1 --"]) {
      await expect(searchProfileFacts(db, { workspaceId, profileId, query })).resolves.toEqual([]);
    }
  });

  it("follows owner corrections through the generated vector", async () => {
    await expect(searchProfileFacts(db, { workspaceId, profileId, query: "quantum" })).resolves.toEqual([]);
    await updateProfile(db, {
      workspaceId,
      profileId,
      patch: { projects: [{ id: ids.kite, description: "A quantum circuit simulator" }] },
    });
    await expect(searchProfileFacts(db, { workspaceId, profileId, query: "quantum" })).resolves.toMatchObject(
      [{ kind: "project", id: ids.kite }],
    );
  });

  it("ranks without snippets exactly as the search does, through one prepared statement", async () => {
    for (const query of [
      "kubernetes",
      "backend",
      "kubernetes -clusters",
      "distributed",
      "the",
      "' or 1=1 --",
    ]) {
      const searched = await searchProfileFacts(db, { workspaceId, profileId, query, limit: 50 });
      // Twice: the second run executes the statement prepared by the first.
      for (let run = 0; run < 2; run += 1) {
        const ranked = await rankProfileFacts(db, { workspaceId, profileId, query, limit: 50 });
        expect(ranked).toEqual(searched.map(({ snippet: _snippet, ...hit }) => hit));
      }
    }
    await expect(
      rankProfileFacts(db, { workspaceId, profileId, query: "kubernetes", limit: 1 }),
    ).resolves.toHaveLength(1);
    expect(await codeOf(rankProfileFacts(db, { workspaceId, profileId, query: "x", limit: 51 }))).toBe(
      "BAD_REQUEST",
    );
    const { workspaceId: other } = await insertTestWorkspaceWithDocument(db);
    await expect(
      rankProfileFacts(db, { workspaceId: other, profileId, query: "kubernetes" }),
    ).resolves.toEqual([]);
    await expect(
      rankProfileFacts(db, { workspaceId, profileId: missingId, query: "kubernetes" }),
    ).resolves.toEqual([]);
  });

  it("caps the number of hits", async () => {
    await expect(
      searchProfileFacts(db, { workspaceId, profileId, query: "kubernetes", limit: 1 }),
    ).resolves.toHaveLength(1);
    expect(await codeOf(searchProfileFacts(db, { workspaceId, profileId, query: "x", limit: 0 }))).toBe(
      "BAD_REQUEST",
    );
    expect(await codeOf(searchProfileFacts(db, { workspaceId, profileId, query: "x", limit: 51 }))).toBe(
      "BAD_REQUEST",
    );
  });

  it("finds nothing through another workspace, even for the right profile id", async () => {
    const { workspaceId: other, document } = await insertTestWorkspaceWithDocument(db);
    const otherProfile = await saveProfile(db, {
      workspaceId: other,
      documentId: document.id,
      profile,
      parser: "llm",
      parserVersion: "1",
    });
    const query = "kubernetes";
    await expect(searchProfileFacts(db, { workspaceId: other, profileId, query })).resolves.toEqual([]);
    await expect(searchProfileFacts(db, { workspaceId, profileId: otherProfile, query })).resolves.toEqual(
      [],
    );
    await expect(searchProfileFacts(db, { workspaceId, profileId: missingId, query })).resolves.toEqual([]);
    await expect(searchProfileFacts(db, { workspaceId: "bad", profileId, query })).resolves.toEqual([]);
    // Each profile sees only its own facts.
    const own = await searchProfileFacts(db, { workspaceId: other, profileId: otherProfile, query });
    expect(own).toHaveLength(3);
    expect(own.map((hit) => hit.id)).not.toContain(ids.globex);
  });
});
