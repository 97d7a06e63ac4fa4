import { describe, expect, it } from "vitest";
import type { BinariesLookup } from "./binaries";
import { chooseEmbeddedEngine, type EngineFacts } from "./choose-engine";

const runs: BinariesLookup = {
  available: true,
  binaries: { postgres: "/pg", initdb: "/initdb", version: "18.4" },
};
const missing: BinariesLookup = {
  available: false,
  reason: "no PostgreSQL binaries are packaged for win32-x64",
};
const fresh: EngineFacts = { setting: "auto", hasPostgresData: false, hasPgliteData: false, binaries: runs };

describe("chooseEmbeddedEngine", () => {
  it("runs a PostgreSQL server on a fresh directory where the binaries run", () => {
    expect(chooseEmbeddedEngine(fresh)).toEqual({
      engine: "postgres",
      reason: "new cluster",
      notable: false,
    });
    expect(chooseEmbeddedEngine({ ...fresh, hasPostgresData: true })).toMatchObject({
      engine: "postgres",
      reason: "existing cluster",
    });
  });

  it("falls back to PGlite on a fresh directory where they cannot run, saying why", () => {
    const choice = chooseEmbeddedEngine({ ...fresh, binaries: missing });
    expect(choice).toMatchObject({ engine: "pglite", notable: true });
    expect(choice.reason).toContain("win32-x64");
  });

  it("keeps PGlite for an existing PGlite directory and says how to switch", () => {
    const choice = chooseEmbeddedEngine({ ...fresh, hasPgliteData: true });
    expect(choice).toMatchObject({ engine: "pglite", notable: true });
    expect(choice.reason).toContain("EMBEDDED_DATABASE=postgres");
  });

  it("switches to a new PostgreSQL database only when told, leaving the PGlite data aside", () => {
    const choice = chooseEmbeddedEngine({ ...fresh, setting: "postgres", hasPgliteData: true });
    expect(choice).toMatchObject({ engine: "postgres", notable: true });
    expect(choice.reason).toContain("left untouched");
    // Once the cluster exists it is simply used, even under auto.
    expect(chooseEmbeddedEngine({ ...fresh, hasPgliteData: true, hasPostgresData: true }).engine).toBe(
      "postgres",
    );
  });

  it("runs PGlite when told, whatever the machine offers", () => {
    expect(chooseEmbeddedEngine({ ...fresh, setting: "pglite", hasPostgresData: true })).toEqual({
      engine: "pglite",
      reason: "EMBEDDED_DATABASE=pglite",
      notable: false,
    });
  });

  it("refuses to fall back when PostgreSQL data or the setting needs the server", () => {
    expect(() => chooseEmbeddedEngine({ ...fresh, hasPostgresData: true, binaries: missing })).toThrow(
      /DATA_DIR\/postgres holds a PostgreSQL cluster.*win32-x64/,
    );
    expect(() => chooseEmbeddedEngine({ ...fresh, setting: "postgres", binaries: missing })).toThrow(
      /EMBEDDED_DATABASE=postgres.*win32-x64/,
    );
  });
});
