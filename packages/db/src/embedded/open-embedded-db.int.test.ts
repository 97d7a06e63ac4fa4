import { access, chmod, cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { migrateDb } from "../create-db";
import { getJobRun, insertJobRun } from "../index";
import { type BinariesLookup, findPostgresBinaries } from "./binaries";
import { type OpenEmbeddedDbOptions, openEmbeddedDb } from "./open-embedded-db";
import { isAlive } from "./pid-file";

const roots: string[] = [];
afterAll(async () => {
  for (const root of roots) await rm(root, { recursive: true, force: true });
});

/** A data directory the server account can reach (as root, mkdtemp's 0700 would stop it). */
async function dataDir(mode = 0o755): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "vitae-embedded-db-"));
  roots.push(root);
  await chmod(root, mode);
  return root;
}

function recorder() {
  const lines: { level: string; message: string; fields: Record<string, unknown> }[] = [];
  const at = (level: string) => (fields: object, message: string) => {
    lines.push({ level, message, fields: fields as Record<string, unknown> });
  };
  return { lines, log: { info: at("info"), warn: at("warn"), debug: at("debug") } };
}

const unavailable = async (): Promise<BinariesLookup> => ({ available: false, reason: "simulated platform" });

function open(
  directory: string,
  log: OpenEmbeddedDbOptions["log"],
  extra: Partial<OpenEmbeddedDbOptions> = {},
) {
  return openEmbeddedDb({
    dataDir: directory,
    password: async () => "p".repeat(40),
    poolMax: 2,
    log,
    ...extra,
  });
}

// PGlite initialises and migrates in WASM: tens of seconds on a loaded CI machine.
describe("openEmbeddedDb", { timeout: 180_000 }, () => {
  it("runs a PostgreSQL server by default: migrated, durable across restarts, stopped by close()", async () => {
    const directory = await dataDir();
    const { lines, log } = recorder();
    const first = await open(directory, log);
    expect(first.choice.engine).toBe("postgres");
    expect(first.handle.kind).toBe("postgres");
    expect(lines).toContainEqual(
      expect.objectContaining({
        level: "info",
        message: "embedded database: PostgreSQL server",
        fields: expect.objectContaining({ engine: "postgres", directory: join(directory, "postgres") }),
      }),
    );
    await migrateDb(first.handle);
    const run = await insertJobRun(first.handle.db, {
      name: "system.run-self-test",
      queue: "system",
      payload: {},
    });
    await first.handle.close();
    expect(isAlive(first.server?.pid ?? 0)).toBe(false);

    const second = await open(directory, log);
    expect(second.choice).toMatchObject({ engine: "postgres", reason: "existing cluster" });
    await migrateDb(second.handle);
    expect((await getJobRun(second.handle.db, { id: run.id }))?.id).toBe(run.id);
    await second.handle.close();
    await second.handle.close();
  });

  it("keeps an existing PGlite directory on PGlite and warns how to switch", async () => {
    const directory = await dataDir();
    const forced = await open(directory, recorder().log, { engine: "pglite" });
    expect(forced.handle.kind).toBe("pglite");
    await migrateDb(forced.handle);
    const run = await insertJobRun(forced.handle.db, {
      name: "system.run-self-test",
      queue: "system",
      payload: {},
    });
    await forced.handle.close();

    const { lines, log } = recorder();
    const kept = await open(directory, log);
    expect(kept.choice).toMatchObject({ engine: "pglite", notable: true });
    expect(kept.server).toBeUndefined();
    expect(lines).toContainEqual(
      expect.objectContaining({
        level: "warn",
        message: "embedded database: PGlite (in-process, single connection)",
        fields: expect.objectContaining({ reason: expect.stringContaining("EMBEDDED_DATABASE=postgres") }),
      }),
    );
    expect((await getJobRun(kept.handle.db, { id: run.id }))?.id).toBe(run.id);
    await kept.handle.close();
  });

  it("falls back to PGlite on a fresh directory where the server cannot run", async () => {
    const directory = await dataDir();
    const { lines, log } = recorder();
    const fallback = await open(directory, log, { binaries: unavailable });
    expect(fallback.handle.kind).toBe("pglite");
    expect(lines.find((line) => line.level === "warn")?.fields.reason).toContain("simulated platform");
    await migrateDb(fallback.handle);
    await fallback.handle.close();
  });

  it("refuses EMBEDDED_DATABASE=postgres where the server cannot run", async () => {
    const directory = await dataDir();
    await expect(
      open(directory, recorder().log, { engine: "postgres", binaries: unavailable }),
    ).rejects.toThrow(/EMBEDDED_DATABASE=postgres.*simulated platform/);
  });

  it("as root, falls back when the server account cannot enter DATA_DIR; otherwise runs the server", async () => {
    const directory = await dataDir(0o700);
    const { lines, log } = recorder();
    const opened = await open(directory, log);
    try {
      if (process.getuid?.() === 0) {
        expect(opened.handle.kind).toBe("pglite");
        expect(lines.find((line) => line.level === "warn")?.fields.reason).toContain("cannot reach");
      } else {
        expect(opened.handle.kind).toBe("postgres");
      }
    } finally {
      await opened.handle.close();
    }
  });

  it("as root, runs binaries the server account cannot reach from a copy in DATA_DIR", async () => {
    const lookup = await findPostgresBinaries();
    if (!lookup.available) throw new Error(lookup.reason);
    // Installed under a directory only root can enter, as in a checkout under /root.
    const hidden = await dataDir(0o700);
    await cp(dirname(dirname(lookup.binaries.postgres)), join(hidden, "native"), {
      recursive: true,
      verbatimSymlinks: true,
    });
    const installed = {
      postgres: join(hidden, "native", "bin", "postgres"),
      initdb: join(hidden, "native", "bin", "initdb"),
      version: lookup.binaries.version,
    };
    const directory = await dataDir();
    const { lines, log } = recorder();
    const opened = await open(directory, log, {
      binaries: async () => ({ available: true, binaries: installed }),
    });
    try {
      expect(opened.handle.kind).toBe("postgres");
      const copied = lines.some((line) => line.message.startsWith("copied the PostgreSQL binaries"));
      expect(copied).toBe(process.getuid?.() === 0);
      if (copied) await access(join(directory, "postgres-binaries", installed.version, "bin", "postgres"));
      await migrateDb(opened.handle);
    } finally {
      await opened.handle.close();
    }
  });
});
