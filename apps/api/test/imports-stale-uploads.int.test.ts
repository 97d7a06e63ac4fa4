import { beforeAll, describe, expect, it } from "vitest";
import { sweepStaleUploadsNow } from "./documents";
import type { TestApi } from "./harness";
import { call, type TestUser } from "./identity";
import { exportBytes, useValidateWorld } from "./imports-validate-support";

const world = useValidateWorld();
const { mutate, query, mappedImport } = world;
let api: TestApi;
let owner: TestUser;
beforeAll(() => {
  ({ api, owner } = world);
});

describe("stale import uploads", () => {
  it("are swept with their reserved bytes; finalized imports stay", async () => {
    const usage = async () =>
      (await call(api, "usage.current", { cookie: owner.cookie })).body.result.data.storedBytes
        .used as number;
    const before = await usage();
    const created = await mutate("imports.createUpload", {
      filename: "abandoned.csv",
      contentType: "text/csv",
      size: 700,
      entity: "employee",
    });
    expect(created.status).toBe(200);
    const kept = await mappedImport("kept.csv", exportBytes);
    expect((await usage()) - before).toBe(700 + exportBytes.length);
    const run = await sweepStaleUploadsNow(api);
    expect(run.status).toBe("succeeded");
    expect(run.result).toMatchObject({ imports: 1 });
    expect((await usage()) - before).toBe(exportBytes.length);
    const gone = await query("imports.byId", { importId: created.body.result.data.importId });
    expect(gone.status).toBe(404);
    expect((await query("imports.byId", { importId: kept })).status).toBe(200);
  });
});
