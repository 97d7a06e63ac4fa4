import { readFileSync } from "node:fs";
import { join } from "node:path";
import { jobProcessNodeFlags } from "@vitae/runtime/job-process-flags";
import { describe, expect, it } from "vitest";

const repoRoot = join(import.meta.dirname, "..", "..");
const read = (path: string) => readFileSync(join(repoRoot, path), "utf8");

/** Every command that starts a process running jobs: the worker, and the API (embedded mode runs them in-process). */
function launchCommands(): Array<[string, string[]]> {
  const commands: Array<[string, string[]]> = [];
  for (const app of ["api", "worker"]) {
    const { scripts } = JSON.parse(read(`apps/${app}/package.json`)) as { scripts: Record<string, string> };
    for (const name of ["start", "dev"]) {
      commands.push([`apps/${app} ${name}`, (scripts[name] ?? "").split(/\s+/)]);
    }
  }
  const dockerCommands = read("infra/docker/Dockerfile").match(/^CMD (\[.*\])$/gm) ?? [];
  for (const line of dockerCommands) commands.push([`Dockerfile ${line}`, JSON.parse(line.slice(4))]);
  return commands;
}

describe("job process flags", () => {
  it("every way a job process starts carries the runtime's V8 flags before the entry point", () => {
    const commands = launchCommands();
    expect(commands.length).toBe(6);
    for (const [where, argv] of commands) {
      const entry = argv.indexOf("src/main.ts");
      expect(entry, where).toBeGreaterThan(0);
      for (const flag of jobProcessNodeFlags) expect(argv.slice(0, entry), where).toContain(flag);
    }
  });
});
