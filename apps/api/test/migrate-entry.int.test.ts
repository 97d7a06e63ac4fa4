import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { createTestDatabase, type TestDatabase } from "@vitae/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);

/** Runs `src/migrate.ts` (the Kubernetes migration Job's command) with only the given environment. */
async function migrate(
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "src/migrate.ts"], {
      env: { PATH: process.env.PATH ?? "", ...env },
      timeout: 120_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}

let empty: TestDatabase;

beforeAll(async () => {
  empty = await createTestDatabase({ migrate: false });
});

afterAll(async () => {
  await empty.drop();
});

describe("the migration entry (src/migrate.ts)", () => {
  it("migrates an empty database, then finds nothing to do on a second run", async () => {
    const first = await migrate({ DATABASE_URL: empty.url });
    expect(first).toMatchObject({ code: 0 });
    expect(first.stdout).toContain("schema is current");
    const [tables] = await empty.handle.db
      .select({ count: sql<number>`count(*)::int` })
      .from(sql`information_schema.tables`)
      .where(sql`table_name in ('job_runs', 'documents', 'profiles')`);
    expect(Number(tables?.count)).toBe(3);
    expect(await migrate({ DATABASE_URL: empty.url })).toMatchObject({ code: 0 });
  }, 240_000);

  it("exits 1 with a sentence when DATABASE_URL is missing or the server refuses", async () => {
    const missing = await migrate({});
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("DATABASE_URL is not set");
    const refused = await migrate({ DATABASE_URL: "postgres://postgres@127.0.0.1:1/nowhere" });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("could not be applied");
    expect(refused.stderr).not.toMatch(/\n\s+at /);
  }, 240_000);
});
