import { beforeAll, describe, expect, it } from "vitest";
import type { TestApi } from "./harness";
import { call, type TestUser } from "./identity";
import { useValidateWorld } from "./imports-validate-support";

const world = useValidateWorld();
const { mutate, query, mappedImport } = world;
let api: TestApi;
let owner: TestUser;
beforeAll(() => {
  ({ api, owner } = world);
});

describe("mapping memory", () => {
  it("lists what was remembered and forgets it on request, audited", async () => {
    const csv = Buffer.from("Badge,Given name,Family name\n7,Ana,Silva\n");
    const importId = await mappedImport("memory.csv", csv);
    const analysed = (await query("imports.byId", { importId })).body.result.data;
    const set = await mutate("imports.setMapping", {
      importId,
      mapping: analysed.mapping.map((entry: { column: string }) => ({
        column: entry.column,
        field:
          { Badge: "employeeId", "Given name": "firstName", "Family name": "lastName" }[entry.column] ?? null,
      })),
    });
    expect(set.status).toBe(200);
    const listed = await query("imports.mappings.list", { entity: "employee" });
    const entry = listed.body.result.data.items.find((item: { mapping: Array<{ column: string }> }) =>
      item.mapping.some((column) => column.column === "Badge"),
    );
    expect(entry).toMatchObject({ entity: "employee" });
    expect(entry.learnedAliases).toEqual(expect.arrayContaining([{ header: "Badge", field: "employeeId" }]));
    expect((await query("imports.mappings.list", { entity: "candidate" })).body.result.data.items).toEqual(
      [],
    );

    const forgotten = await mutate("imports.mappings.delete", { mappingId: entry.id });
    expect(forgotten.status).toBe(200);
    expect((await mutate("imports.mappings.delete", { mappingId: entry.id })).status).toBe(404);
    const again = await mappedImport("memory-again.csv", csv);
    const fresh = (await query("imports.byId", { importId: again })).body.result.data;
    for (const mapped of fresh.mapping) expect(mapped.source).not.toBe("memory");
    const audit = await call(api, "audit.list", { cookie: owner.cookie, input: {} });
    expect(audit.body.result.data.items.map((item: { action: string }) => item.action)).toContain(
      "imports.forget-mapping",
    );
    const badCursor = await query("imports.mappings.list", { cursor: "not-a-cursor" });
    expect(badCursor.status).toBe(400);
  });
});
