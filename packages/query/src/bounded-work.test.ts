import { describe, expect, it } from "vitest";
import { loadEvalSet, loadProfiles } from "../eval/fixtures";
import { adversarialProfiles, adversarialQuestions, repeatWords } from "../fixtures/adversarial";
import { createPiiMask, type QueryLlm } from "./answer/llm";
import { type AskDependencies, ask } from "./ask";
import { extractEntities } from "./entities";
import { maxQuestionLength, normalizeQuestion } from "./normalize";
import { createInMemoryFactSearch } from "./testing";
import { type AskProfile, emptySession } from "./types";
import { createWorkBudget, defaultWorkLimits } from "./work-budget";

const now = new Date("2025-06-15T12:00:00Z");
const profiles = Object.entries(adversarialProfiles);
const questions = Object.entries(adversarialQuestions);
const searchFacts = createInMemoryFactSearch(profiles.map(([, profile]) => profile));
/** A model talked into echoing everything it was given: the longest answer the verifier can be handed. */
const echoLlm: QueryLlm = { complete: async (prompt) => prompt.repeat(4) };
/**
 * One edit-distance computation is at most (2·12 + 1) × 60 cells: a window may be 20% longer than the
 * longest fuzzy-matched name (48 characters), and the band is 12 either side of the diagonal.
 */
const maxCellsPerComputation = 25 * 60;
/**
 * The issue's bound: a hostile question or profile costs at most a few milliseconds. Measured as this
 * thread's CPU time rather than wall-clock, because on this shared two-core machine a call can wait for
 * a core far longer than it runs, and what blocks the event loop is this thread's own work. The median
 * of three runs absorbs a garbage collection; the ceiling is several times the worst case measured here,
 * so only super-linear work trips it (issue 8's attack took 20–46 s).
 */
const cpuCeilingMs = 50;

/** Median CPU milliseconds of three runs, and what the last run returned. */
async function measured<T>(run: () => T | Promise<T>): Promise<{ cpuMs: number; result: T }> {
  const samples: number[] = [];
  let result: T | undefined;
  for (let index = 0; index < 3; index += 1) {
    const before = process.threadCpuUsage();
    result = await run();
    const spent = process.threadCpuUsage(before);
    samples.push((spent.user + spent.system) / 1000);
  }
  return { cpuMs: samples.sort((a, b) => a - b)[1] ?? Number.POSITIVE_INFINITY, result: result as T };
}

const askOnce = (question: string, profile: AskProfile, deps: Partial<AskDependencies> = {}) =>
  ask({ question, profile, session: emptySession(), now }, { searchFacts, ...deps });

describe("issue 8's attack: long project lines of repeated short words, and a question of the same words", () => {
  const profile = adversarialProfiles.projectLines as AskProfile;
  const question = adversarialQuestions.sameShortWords as string;

  it("answers within the CPU ceiling, matching names exactly instead of fuzzily", async () => {
    const { cpuMs, result } = await measured(() => askOnce(question, profile));
    expect(cpuMs).toBeLessThan(cpuCeilingMs);
    expect(result.analysis.work).toMatchObject({ cells: 0, exhausted: false });
  });

  it("still finds a long project named word for word", () => {
    const named = profile.projects[7]?.name ?? "";
    const budget = createWorkBudget({ maxCells: Number.POSITIVE_INFINITY, maxMs: Number.POSITIVE_INFINITY });
    const found = extractEntities(`What was ${named} about?`, profile, budget);
    expect(found.map((entity) => entity.name)).toContain(named);
    expect(budget.cells).toBe(0);
  });
});

describe.each(profiles)("hostile profile %s", (_name, profile) => {
  it.each(["basic", "llm"] as const)("bounds the work of every hostile question (%s mode)", async (mode) => {
    const deps = mode === "llm" ? { llm: echoLlm } : {};
    for (const [questionName, question] of questions) {
      const { cpuMs, result } = await measured(() => askOnce(question, profile, deps));
      expect(cpuMs, `${questionName}: ${cpuMs.toFixed(1)} ms CPU`).toBeLessThan(cpuCeilingMs);
      expect(result.analysis.work.cells, questionName).toBeLessThanOrEqual(
        defaultWorkLimits.maxCells + maxCellsPerComputation,
      );
    }
  });
});

describe("the work budget", () => {
  const [maria] = loadProfiles();
  if (!maria) throw new Error("fixture profiles missing");

  it("is what stops fuzzy matching when names are many and short enough to be fuzzy", async () => {
    const result = await askOnce(
      adversarialQuestions.distinctWords as string,
      adversarialProfiles.manyFuzzyNames as AskProfile,
    );
    expect(result.analysis.work.exhausted).toBe(true);
  });

  it("degrades to exact matching when spent: exact names are still found, typos no longer", async () => {
    const withBudget = await askOnce("Was she at Zalndo before Farfetch?", maria);
    expect(withBudget.analysis.entities).toEqual(
      expect.arrayContaining(["company:Zalando SE", "company:Farfetch"]),
    );
    for (const workLimits of [{ maxCells: 0 }, { maxMs: 0 }]) {
      const spent = await askOnce("Was she at Zalndo before Farfetch?", maria, { workLimits });
      expect(spent.analysis.work.exhausted).toBe(true);
      expect(spent.analysis.entities).toContain("company:Farfetch");
      expect(spent.analysis.entities).not.toContain("company:Zalando SE");
    }
  });

  it("leaves legitimate questions a wide margin: none of the evaluation set comes near it", async () => {
    const set = loadEvalSet();
    const byId = new Map(loadProfiles().map((profile) => [profile.id, profile]));
    const search = createInMemoryFactSearch([...byId.values()]);
    const jobAd = repeatWords(
      "We hire a Staff Backend Engineer for payments in Berlin: Kotlin, Go, Kubernetes, Kafka, PostgreSQL, Redis, AWS. Would she fit, given her time at Zalando SE and Farfetch?".split(
        " ",
      ),
      maxQuestionLength,
    );
    const cases = [...set.cases, { question: jobAd, profile: maria.id }];
    for (const item of cases) {
      const profile = byId.get(item.profile) as AskProfile;
      const result = await ask(
        { question: item.question, profile, session: emptySession(), now },
        { searchFacts: search },
      );
      expect(result.analysis.work.exhausted, item.question).toBe(false);
      expect(result.analysis.work.cells, item.question).toBeLessThan(defaultWorkLimits.maxCells / 10);
    }
  });
});

describe("bounded inputs", () => {
  it("cuts a question that NFKC expands (U+FDFA is 18 characters) back to the question cap", () => {
    const question = normalizeQuestion(adversarialQuestions.expandingUnicode as string);
    expect(question.text.length).toBeLessThanOrEqual(maxQuestionLength);
    expect(question.truncated).toBe(true);
  });

  it.each([
    ["a street name of one long capitalised word", `Rua ${"A".repeat(4000)}`],
    ["a German street-like word", `${"Aä".repeat(2000)}strasse`],
    ["an e-mail-like run without @", "a".repeat(4000)],
    ["a phone-like run", "1 (".repeat(1500)],
  ])("masks PII in linear time: %s", async (_shape, text) => {
    expect((await measured(() => createPiiMask().mask(text))).cpuMs).toBeLessThan(cpuCeilingMs);
  });
});
