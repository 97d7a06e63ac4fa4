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
const headings = ["", "Experience", "Skills", "Projects", "Education", "Summary"];
const lineLength = 999;

/**
 * ~500 KB: a name, then every section heading followed by 80 lines of 999 characters of `unit`, so each
 * section parser (header/contact, experience, skills, projects, education, summary) reads hostile lines.
 */
function adversarialText(unit: string): string {
  const line = unit.repeat(Math.ceil(lineLength / unit.length)).slice(0, lineLength);
  const block = Array.from({ length: 80 }, () => line).join("\n");
  return ["Jane Doe", ...headings.map((heading) => `${heading}\n${block}`)].join("\n");
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
    expect(adversarialText("ab.").length).toBeGreaterThan(450_000);
  });

  // The budget is CPU time, so a loaded CI box does not fail it. Linear patterns take ~100–300 ms per file
  // here; the quadratic ones this guards against took 5–6 s for the header section alone. 1.5 s leaves
  // room for a slow machine while any quadratic pattern still fails.
  it.each(units)("parses 500 KB of %j lines within 1.5 s of CPU, to a valid profile", (unit) => {
    const text = adversarialText(unit);
    let profile: unknown;
    const cpuMs = cpuMsOf(() => {
      profile = parseResumeHeuristic(text);
    });
    expect(profileSchema.safeParse(profile).success).toBe(true);
    expect(cpuMs).toBeLessThan(1500);
  });
});

describe("readResume: parsing runs in the sandbox, under its limits", () => {
  afterEach(() => {
    expect(childProcessIds()).toEqual([]);
  });

  it("reads an adversarial TXT in the child and answers with its profile", async () => {
    const read = await readResume(Buffer.from(adversarialText("ab.")), "txt", extractionLimits);
    expect(read.heuristic.profile.name).toBe("Jane Doe");
    expect(read.peakRssBytes).toBeGreaterThan(0);
  });

  it("counts parsing against the child's kill timer: over budget is EXTRACTION_TIMEOUT, never a stall", async () => {
    const error = await readResume(Buffer.from(adversarialText("ab.")), "txt", {
      ...extractionLimits,
      timeoutMs: 50,
    }).catch((caught: unknown) => caught as DocumentError);
    expect(error).toMatchObject({ code: "EXTRACTION_TIMEOUT" });
  });
});
