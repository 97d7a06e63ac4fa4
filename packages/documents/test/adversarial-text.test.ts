import { afterEach, describe, expect, it } from "vitest";
import { type DocumentError, parseResumeHeuristic, profileSchema, readResume } from "../src/index";
import { childProcessIds, extractionLimits } from "./support/fixtures";

// Units whose repetition made a parser regex quadratic per line (or might): runs of host, e-mail,
// phone, date and Markdown characters, and non-ASCII letters.
const units = [
  "ab.",
  "ab.1.",
  "éé.",
  "@",
  "a@",
  ".",
  "1",
  "1.",
  "a-a-",
  "a ",
  "- ",
  "![",
  "[a](",
  "<http://",
  "**a",
  "2020 - ",
  "Jan 2020 – Present ",
  "Senior Engineer at Acme Inc, ",
  "x.com/",
  "Ω",
];
const sections = ["Experience", "Skills", "Projects", "Education", "Summary"];
const lineLength = 999;

/**
 * ~490 KB of 999-character lines of `unit` in one of two shapes. `plain` is the attack: no
 * heading, so every line goes through the header, contact and dated-entry patterns. `sectioned` puts 96
 * lines under each section heading, so every section parser reads them.
 */
function adversarialText(unit: string, shape: "plain" | "sectioned"): string {
  const line = unit.repeat(Math.ceil(lineLength / unit.length)).slice(0, lineLength);
  const lines = (count: number) => Array.from({ length: count }, () => line).join("\n");
  if (shape === "plain") return `Jane Doe\n${lines(490)}`;
  return ["Jane Doe", lines(10), ...sections.map((heading) => `${heading}\n${lines(96)}`)].join("\n");
}

/** CPU time of this thread (ms): unlike wall time, it does not grow when other processes take the cores. */
function cpuMsOf(work: () => unknown): number {
  const before = process.threadCpuUsage();
  work();
  const after = process.threadCpuUsage();
  return (after.user - before.user + (after.system - before.system)) / 1000;
}

describe("parseResumeHeuristic on adversarial text (issue 8, High 2)", () => {
  it("builds files of the issue's size", () => {
    expect(adversarialText("ab.", "plain").length).toBeGreaterThan(450_000);
    expect(adversarialText("ab.", "sectioned").length).toBeGreaterThan(450_000);
  });

  // The budget is CPU time, so a loaded CI box does not fail it. With linear patterns every file takes
  // 20–110 ms here; with the quadratic ones this guards against, the plain files took 1.5–2.1 s each and
  // "Ω" 16 s. 750 ms leaves a slow machine room while any quadratic pattern still fails.
  const cases = units.flatMap((unit) => [[unit, "plain"] as const, [unit, "sectioned"] as const]);
  it.each(cases)(
    "parses ~490 KB of %j lines (%s) within 750 ms of CPU, to a valid profile",
    (unit, shape) => {
      const text = adversarialText(unit, shape);
      let profile: unknown;
      const cpuMs = cpuMsOf(() => {
        profile = parseResumeHeuristic(text);
      });
      expect(profileSchema.safeParse(profile).success).toBe(true);
      expect(cpuMs).toBeLessThan(750);
    },
  );
});

describe("readResume: parsing runs in the sandbox, under its limits", () => {
  afterEach(() => {
    expect(childProcessIds()).toEqual([]);
  });

  it("reads an adversarial TXT in the child and answers with its profile", async () => {
    const read = await readResume(Buffer.from(adversarialText("ab.", "plain")), "txt", extractionLimits);
    expect(read.heuristic.profile.name).toBe("Jane Doe");
    expect(read.peakRssBytes).toBeGreaterThan(0);
  });

  it("counts parsing against the child's kill timer: over budget is EXTRACTION_TIMEOUT, never a stall", async () => {
    const error = await readResume(Buffer.from(adversarialText("ab.", "plain")), "txt", {
      ...extractionLimits,
      timeoutMs: 50,
    }).catch((caught: unknown) => caught as DocumentError);
    expect(error).toMatchObject({ code: "EXTRACTION_TIMEOUT" });
  });
});
