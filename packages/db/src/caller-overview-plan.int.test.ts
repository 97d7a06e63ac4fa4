import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerOverviewQuery } from "./queries/caller-overview";
import { createTestDatabase, type TestDatabase } from "./testing";

/** Every node type and index name in an EXPLAIN (FORMAT JSON) plan, depth first. */
function planNodes(node: Record<string, unknown>): string[] {
  const here = [`${node["Node Type"]}${node["Index Name"] ? ` ${node["Index Name"]}` : ""}`];
  const children = (node.Plans as Record<string, unknown>[] | undefined) ?? [];
  return here.concat(children.flatMap(planNodes));
}

describe("auth.me's caller overview on an instance with many accounts", () => {
  let database: TestDatabase;
  let client: postgres.Sql;

  beforeAll(async () => {
    database = await createTestDatabase();
    client = postgres(database.url, { max: 1, onnotice: () => undefined });
    await client`
      insert into users (name, email, created_at)
      select 'User ' || n, 'user' || n || '@example.com', now() - n * interval '1 minute'
      from generate_series(1, 20000) as n`;
    await client`analyze users`;
  });

  afterAll(async () => {
    await client?.end({ timeout: 5 });
    await database?.drop();
  });

  it("finds the first account with an index probe, not by sorting every account on each call", async () => {
    const [caller] = await client<{ id: string }[]>`select id from users order by random() limit 1`;
    const { sql: text, params } = callerOverviewQuery(database.handle.db).toSQL();
    const values: Record<string, string> = {
      userId: caller?.id ?? "",
      workspaceId: "00000000-0000-0000-0000-000000000000",
    };
    const bound = params.map((param) => values[(param as { name: string }).name] ?? param);
    const [row] = await client.unsafe<{ "QUERY PLAN": [{ Plan: Record<string, unknown> }] }[]>(
      `explain (format json) ${text}`,
      bound as string[],
    );
    if (row === undefined) throw new Error("EXPLAIN returned no plan");
    const nodes = planNodes(row["QUERY PLAN"][0].Plan);
    expect(nodes.some((node) => node.includes("users_created_at_id_idx"))).toBe(true);
    expect(nodes.filter((node) => node.startsWith("Sort") || node.startsWith("Seq Scan"))).toEqual([]);
  });
});
