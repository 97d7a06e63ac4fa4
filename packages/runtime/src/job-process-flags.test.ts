import { describe, expect, it } from "vitest";
import { jobProcessNodeFlags, missingJobProcessFlags } from "./job-process-flags";

describe("missingJobProcessFlags", () => {
  it("names the flags a process was started without, on its command line or in NODE_OPTIONS", () => {
    expect(jobProcessNodeFlags).toContain("--max-semi-space-size=16");
    expect(missingJobProcessFlags(["--import", "tsx"], "")).toEqual([...jobProcessNodeFlags]);
    expect(missingJobProcessFlags([...jobProcessNodeFlags, "--import", "tsx"], "")).toEqual([]);
    expect(missingJobProcessFlags([], ` ${jobProcessNodeFlags.join(" ")} --enable-source-maps`)).toEqual([]);
    expect(missingJobProcessFlags(["--max-semi-space-size=64"], "")).toEqual(["--max-semi-space-size=16"]);
  });
});
