import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { infraDir } from "./kustomize";

const repoDir = join(infraDir, "..");

/** Variable names assigned (or shown commented out) in an env-style file. */
function variablesIn(file: string): Set<string> {
  const names = [...readFileSync(file, "utf8").matchAll(/^#? ?([A-Z][A-Z0-9_]+)=/gm)].map(
    (m) => m[1] as string,
  );
  return new Set(names);
}

const appSettings = variablesIn(join(repoDir, ".env.example"));
const composeSettings = variablesIn(join(infraDir, ".env.compose.example"));
/** Secret keys only KEDA reads (it cannot parse REDIS_URL), and the compose file's placeholder value. */
const otherNames = new Set(["REDIS_ADDRESS", "REDIS_PASSWORD", "CHANGE_ME"]);

describe("operator documentation and deployment settings", () => {
  it("the reference .env.example is read (the check below is not vacuous)", () => {
    expect(appSettings.size).toBeGreaterThan(50);
    expect(appSettings.has("DATABASE_URL")).toBe(true);
  });

  it("every setting docs/operations names exists in .env.example (or the compose file, or KEDA's secret keys)", () => {
    const docsDir = join(repoDir, "docs", "operations");
    for (const file of readdirSync(docsDir)) {
      const text = readFileSync(join(docsDir, file), "utf8");
      for (const match of text.matchAll(/`([A-Z][A-Z0-9]*_[A-Z0-9_]+)`/g)) {
        const name = (match[1] as string).replace(/_\*$/, "_");
        const known =
          [...appSettings].some(
            (setting) => setting === name || (name.endsWith("_") && setting.startsWith(name)),
          ) ||
          composeSettings.has(name) ||
          otherNames.has(name);
        expect(known, `${file} names ${name}, which no settings file defines`).toBe(true);
      }
    }
  });

  it("the Kubernetes base config sets only real settings", () => {
    for (const name of variablesIn(join(infraDir, "k8s", "base", "config.env"))) {
      expect(appSettings.has(name), `config.env sets unknown ${name}`).toBe(true);
    }
  });
});
