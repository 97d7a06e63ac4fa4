import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadOrCreateSecret } from "./secrets";

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "vitae-config-secrets-"));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe("loadOrCreateSecret", () => {
  it("creates a random secret once and returns the same value afterwards", async () => {
    const first = await loadOrCreateSecret({ dataDir, name: "storage-signing" });
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await loadOrCreateSecret({ dataDir, name: "storage-signing" })).toBe(first);
    expect((await readFile(join(dataDir, "secrets", "storage-signing"), "utf8")).trim()).toBe(first);
  });

  it("keeps different names apart", async () => {
    const a = await loadOrCreateSecret({ dataDir, name: "a" });
    const b = await loadOrCreateSecret({ dataDir, name: "b" });
    expect(a).not.toBe(b);
  });

  it("writes the file 0600 inside a 0700 directory, even over a looser existing directory", async () => {
    await mkdir(join(dataDir, "secrets"), { mode: 0o755 });
    await loadOrCreateSecret({ dataDir, name: "session" });
    expect((await stat(join(dataDir, "secrets"))).mode & 0o777).toBe(0o700);
    expect((await stat(join(dataDir, "secrets", "session"))).mode & 0o777).toBe(0o600);
  });

  it("gives every concurrent caller the same value and leaves no temporary files", async () => {
    const values = await Promise.all(
      Array.from({ length: 25 }, () => loadOrCreateSecret({ dataDir, name: "raced" })),
    );
    expect(new Set(values).size).toBe(1);
    expect((await readFile(join(dataDir, "secrets", "raced"), "utf8")).trim()).toBe(values[0]);
    expect(await readdir(join(dataDir, "secrets"))).toEqual(["raced"]);
  });

  it("returns an operator-provided secret, ignoring a trailing newline", async () => {
    const provided = "p".repeat(40);
    await mkdir(join(dataDir, "secrets"), { recursive: true });
    await writeFile(join(dataDir, "secrets", "provided"), `${provided}\n`);
    expect(await loadOrCreateSecret({ dataDir, name: "provided" })).toBe(provided);
  });

  it("refuses an existing secret that is too short rather than silently replacing it", async () => {
    await mkdir(join(dataDir, "secrets"), { recursive: true });
    await writeFile(join(dataDir, "secrets", "weak"), "abc\n");
    await expect(loadOrCreateSecret({ dataDir, name: "weak" })).rejects.toThrow(/fewer than 32 characters/);
    expect(await readFile(join(dataDir, "secrets", "weak"), "utf8")).toBe("abc\n");
  });

  it.each(["../escape", "a/b", ".hidden", "", "UPPER", "x".repeat(65)])(
    "rejects the name %j",
    async (name) => {
      await expect(loadOrCreateSecret({ dataDir, name })).rejects.toThrow(/Secret name/);
      await expect(readdir(dataDir)).resolves.toEqual([]);
    },
  );

  it("surfaces file-system errors instead of returning a secret", async () => {
    // A file where the secrets directory should be makes mkdir fail.
    await writeFile(join(dataDir, "secrets"), "not a directory");
    await expect(loadOrCreateSecret({ dataDir, name: "x" })).rejects.toThrow();
  });
});
