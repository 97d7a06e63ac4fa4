import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "./database";
import { codeOf, missingId } from "./documents-fixtures";
import { insertTestWorkspace } from "./identity-fixtures";
import { type InsertLlmUsageParams, insertLlmUsage, sumLlmTokens } from "./index";
import { llmUsage, workspaces } from "./schema";
import { testDrivers } from "./test-drivers";

function usage(workspaceId: string | null, extra: Partial<InsertLlmUsageParams> = {}): InsertLlmUsageParams {
  return {
    workspaceId,
    operation: "structured",
    model: "test-model",
    promptId: "resume.parse",
    promptVersion: 3,
    tokensIn: 100,
    tokensOut: 20,
    latencyMs: 850,
    cached: false,
    outcome: "ok",
    ...extra,
  };
}

describe.each(testDrivers)("llm usage on $kind", ({ open }) => {
  let db: Database;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const database = await open();
    db = database.handle.db;
    drop = database.drop;
  });
  afterAll(async () => {
    await drop();
  });

  it("sums uncached tokens of one workspace since a time", async () => {
    const { workspace } = await insertTestWorkspace(db);
    const { workspace: other } = await insertTestWorkspace(db);
    const old = await insertLlmUsage(db, usage(workspace.id, { tokensIn: 1000 }));
    await db
      .update(llmUsage)
      .set({ createdAt: new Date(Date.UTC(2000, 0, 1)) })
      .where(eq(llmUsage.id, old.id));
    await insertLlmUsage(db, usage(workspace.id));
    await insertLlmUsage(db, usage(workspace.id, { tokensIn: 5, tokensOut: 7, outcome: "timeout" }));
    // Unreported usage (e.g. audio) counts as a call with no tokens.
    await insertLlmUsage(
      db,
      usage(workspace.id, {
        tokensIn: null,
        tokensOut: null,
        operation: "speak",
        promptId: null,
        promptVersion: null,
      }),
    );
    await insertLlmUsage(db, usage(workspace.id, { cached: true, tokensIn: 400 }));
    await insertLlmUsage(db, usage(other.id, { tokensIn: 9000 }));
    await insertLlmUsage(db, usage(null, { tokensIn: 9000 }));

    const since = new Date(Date.UTC(2001, 0, 1));
    await expect(sumLlmTokens(db, { workspaceId: workspace.id, since })).resolves.toEqual({
      tokensIn: 105,
      tokensOut: 27,
      calls: 3,
    });
    await expect(sumLlmTokens(db, { workspaceId: workspace.id, since: new Date(0) })).resolves.toMatchObject({
      tokensIn: 1105,
      calls: 4,
    });
    const zero = { tokensIn: 0, tokensOut: 0, calls: 0 };
    await expect(sumLlmTokens(db, { workspaceId: missingId, since })).resolves.toEqual(zero);
    await expect(sumLlmTokens(db, { workspaceId: "bad", since })).resolves.toEqual(zero);
  });

  it("refuses unknown workspaces and negative counts", async () => {
    const { workspace } = await insertTestWorkspace(db);
    expect(await codeOf(insertLlmUsage(db, usage(missingId)))).toBe("NOT_FOUND");
    expect(await codeOf(insertLlmUsage(db, usage("bad")))).toBe("NOT_FOUND");
    expect(await codeOf(insertLlmUsage(db, usage(workspace.id, { tokensOut: -1 })))).toBe("BAD_REQUEST");
    expect(await codeOf(insertLlmUsage(db, usage(workspace.id, { latencyMs: Number.NaN })))).toBe(
      "BAD_REQUEST",
    );
    await expect(db.$count(llmUsage, eq(llmUsage.workspaceId, workspace.id))).resolves.toBe(0);
  });

  it("goes with its workspace", async () => {
    const { workspace } = await insertTestWorkspace(db);
    await insertLlmUsage(db, usage(workspace.id));
    await db.delete(workspaces).where(eq(workspaces.id, workspace.id));
    await expect(db.$count(llmUsage, eq(llmUsage.workspaceId, workspace.id))).resolves.toBe(0);
  });
});
