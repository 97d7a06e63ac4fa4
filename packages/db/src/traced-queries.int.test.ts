import { withSpan } from "@vitae/tracing/spans";
import { startInMemoryTracing } from "@vitae/tracing/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./testing";

const tracing = await startInMemoryTracing("vitae-db-test");
let testDb: TestDatabase;

beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(async () => {
  await testDb.drop();
  await tracing.shutdown();
});

describe("Postgres query spans", () => {
  it("traces the statements of a traced request, transactions included, by operation only", async () => {
    const planted = "planted-résumé-text jane.canary@example.org";
    const { db } = testDb.handle;
    tracing.reset();
    await db.execute(sql`select 1`);
    await withSpan("request", {}, async () => {
      const [row] = await db.select({ echoed: sql<string>`${planted}::text` }).from(sql`(select 1) as one`);
      expect(row?.echoed).toBe(planted);
      await db.transaction(async (tx) => {
        await tx.execute(sql`select ${planted}::text as again`);
      });
      await expect(db.execute(sql`select * from no_such_table`)).rejects.toThrow();
    });
    const spans = await tracing.spans();
    const request = spans.find((span) => span.name === "request");
    const queries = spans.filter((span) => span.name.startsWith("postgres "));
    expect(queries.map((span) => span.name)).toContain("postgres select");
    expect(queries.length).toBeGreaterThanOrEqual(3);
    for (const span of queries) {
      expect(span.spanContext().traceId).toBe(request?.spanContext().traceId);
      expect(span.attributes["db.system.name"]).toBe("postgresql");
    }
    expect(queries.some((span) => span.status.code === 2)).toBe(true);
    const everything = JSON.stringify(spans.map((span) => [span.name, span.attributes, span.events]));
    expect(everything).not.toContain("jane.canary");
    expect(everything).not.toContain("no_such_table");
  });
});
