import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type DrizzleSnapshotJSON, generateDrizzleJson, generateMigration } from "drizzle-kit/api";
import { drizzle } from "drizzle-orm/pglite";
import { describe, expect, it } from "vitest";
import { drizzleCasing, migrationsFolder } from "../database";
import * as schema from "./index";

function latestSnapshot(): DrizzleSnapshotJSON {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, "meta", "_journal.json"), "utf8")) as {
    entries: { idx: number }[];
  };
  const last = journal.entries.at(-1);
  if (last === undefined) throw new Error("no migrations in the journal");
  const file = join(migrationsFolder, "meta", `${String(last.idx).padStart(4, "0")}_snapshot.json`);
  return JSON.parse(readFileSync(file, "utf8")) as DrizzleSnapshotJSON;
}

describe("schema", () => {
  it("matches the committed migrations (run `pnpm generate` after changing it)", async () => {
    const previous = latestSnapshot();
    const current = generateDrizzleJson(schema, previous.id, undefined, drizzleCasing);
    await expect(generateMigration(previous, current)).resolves.toEqual([]);
  });

  it("maps property names to snake_case columns", () => {
    const db = drizzle.mock({ schema, casing: drizzleCasing });
    const query = db.select({ at: schema.jobRuns.enqueuedAt }).from(schema.jobRuns).toSQL();
    expect(query.sql).toContain('"enqueued_at"');
  });

  it("refreshes updated_at from the database clock on every update", () => {
    const db = drizzle.mock({ schema, casing: drizzleCasing });
    const query = db.update(schema.jobRuns).set({ progress: 5 }).toSQL();
    expect(query.sql).toMatch(/"updated_at" = now\(\)/);
  });
});
