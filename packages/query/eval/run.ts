/**
 * Scores the query pipeline on the labelled set (eval/questions.json over fixtures/profiles).
 * Run: pnpm --filter @vitae/query eval [-- --failures] [-- --split dev|test] [-- --gate]
 * Prints the tuned fixture set, then one split of the unseen set (eval/unseen: test unless --split dev).
 * --gate (test split only, as CI runs it) exits non-zero when basic mode misses a floor of `floors.ts`.
 * Basic mode always; an LLM too when LLM_BASE_URL is set (OpenAI-compatible; LLM_API_KEY, LLM_MODEL).
 * This script is a composition root, so it is the one place here that reads the environment.
 */
import type { QueryLlm } from "../src/answer/llm";
import { type EvalReport, type EvaluationOptions, type Ratio, runEvaluation } from "./evaluate";
import { loadUnseenProfiles, loadUnseenSplit, type Split } from "./fixtures";
import { missedFloors, testSplitFloors } from "./floors";

const showFailures = process.argv.includes("--failures");
const splitArgument = process.argv[process.argv.indexOf("--split") + 1];
if (process.argv.includes("--split") && splitArgument !== "dev" && splitArgument !== "test") {
  throw new Error("--split takes dev or test");
}
const split: Split = splitArgument === "dev" ? "dev" : "test";
const gate = process.argv.includes("--gate");
if (gate && split !== "test") throw new Error("--gate scores the test split only");
const write = (line = "") => process.stdout.write(`${line}\n`);
const pct = (value: number) => `${(value * 100).toFixed(1)}%`;
const fraction = (r: Ratio) =>
  `${pct(r.total === 0 ? 0 : r.hits / r.total).padStart(6)}  (${r.hits}/${r.total})`;

function openAiCompatible(baseUrl: string): QueryLlm {
  const timeoutMs = Number(process.env.LLM_TIMEOUT_MS ?? 30_000);
  return {
    async complete(prompt, { signal }) {
      const response = await fetch(`${baseUrl.replace(/\/$/, "")}/chat/completions`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(process.env.LLM_API_KEY ? { authorization: `Bearer ${process.env.LLM_API_KEY}` } : {}),
        },
        body: JSON.stringify({
          model: process.env.LLM_MODEL ?? "gpt-4o-mini",
          temperature: 0,
          messages: [{ role: "user", content: prompt }],
        }),
        signal: signal
          ? AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)])
          : AbortSignal.timeout(timeoutMs),
      });
      if (!response.ok) throw new Error(`LLM HTTP ${response.status}`);
      const body = (await response.json()) as { choices?: Array<{ message?: { content?: string } }> };
      return body.choices?.[0]?.message?.content ?? "";
    },
  };
}

function print(title: string, report: EvalReport) {
  write(`\n${title} — ${report.cases} cases`);
  write("| metric                         | value");
  write("|--------------------------------|----------------------");
  write(`| intent accuracy                | ${fraction(report.intentAccuracy)}`);
  const t = report.technologyF1;
  write(
    `| technology F1 (micro)          | ${pct(t.f1).padStart(6)}  (P ${pct(t.precision)}, R ${pct(t.recall)})`,
  );
  write(`| date accuracy (all legit)      | ${fraction(report.dateAccuracy)}`);
  write(`| date accuracy (dated only)     | ${fraction(report.dateAccuracyDated)}`);
  write(`| answer contains facts          | ${fraction(report.answerContainsFacts)}`);
  write(`| readable (no ids, no "?")      | ${fraction(report.readableAnswers)}`);
  write(`| guardrail precision            | ${fraction(report.guardrail.precision)}`);
  write(`| guardrail recall               | ${fraction(report.guardrail.recall)}`);
  for (const [subset, value] of Object.entries(report.guardrail.recallBySubset).sort()) {
    write(`|   recall ${subset.padEnd(22)}| ${fraction(value)}`);
  }
  write(`| refusal code agreement         | ${fraction(report.guardrail.codeAgreement)}`);
  write(
    `| modes                          | ${Object.entries(report.modes)
      .map(([mode, n]) => `${mode} ${n}`)
      .join(", ")}`,
  );
  if (report.droppedSentences > 0) write(`| verifier dropped sentences     | ${report.droppedSentences}`);
  const falseRefusals = report.guardrail.falseRefusals.length;
  const ordinary = report.outcomes.filter((outcome) => !outcome.case.expect.refusal).length;
  write(`| false refusals                 | ${fraction({ hits: falseRefusals, total: ordinary })}`);
  const bullets = report.guardrail.resumeBulletsFlagged;
  if (bullets.total > 0) write(`| résumé lines flagged           | ${fraction(bullets)}`);
  if (falseRefusals > 0) write(`false refusals: ${report.guardrail.falseRefusals.join(", ")}`);
  if (bullets.flagged.length > 0) write(`résumé lines flagged: ${bullets.flagged.join(" | ")}`);
  if (!showFailures) return;
  write("\nfailures:");
  for (const outcome of report.outcomes) {
    const problems: string[] = [];
    if (outcome.intentOk === false)
      problems.push(`intent ${outcome.result.intent} ≠ ${outcome.case.expect.intent}`);
    if (outcome.dateOk === false)
      problems.push(
        `dates ${JSON.stringify(outcome.result.analysis.dates)} ≠ ${JSON.stringify(outcome.case.expect.dates ?? null)}`,
      );
    const { fp, fn } = outcome.technologies;
    if (fp + fn > 0)
      problems.push(
        `tech ${JSON.stringify(outcome.result.analysis.technologies)} ≠ ${JSON.stringify(outcome.case.expect.technologies ?? [])}`,
      );
    if (outcome.missing.length > 0) problems.push(`missing ${JSON.stringify(outcome.missing)}`);
    if (outcome.unsupported.length > 0) problems.push(`unsupported ${JSON.stringify(outcome.unsupported)}`);
    if (outcome.unreadable.length > 0) problems.push(`unreadable ${JSON.stringify(outcome.unreadable)}`);
    if (outcome.case.expect.refusal && !outcome.result.refusal) problems.push("not refused");
    if (!outcome.case.expect.refusal && outcome.result.refusal)
      problems.push(`refused ${outcome.result.refusal.code}`);
    if (problems.length > 0) {
      write(`- ${outcome.case.id} "${outcome.case.question.slice(0, 70)}": ${problems.join("; ")}`);
      if (outcome.containsOk === false || outcome.unreadable.length > 0)
        write(`    answer: ${outcome.result.answer.slice(0, 220)}`);
    }
  }
}

const unseen: EvaluationOptions = {
  set: loadUnseenSplit(split),
  profiles: loadUnseenProfiles(),
  datesOnlyWhenLabelled: true,
};
print("basic mode, tuned fixture set", await runEvaluation());
const basicUnseen = await runEvaluation(unseen);
print(`basic mode, unseen set, ${split} split`, basicUnseen);
if (gate) {
  const missed = missedFloors(basicUnseen);
  write(
    `\nfloor gate (${JSON.stringify(testSplitFloors)}): ${missed.length === 0 ? "met" : missed.join("; ")}`,
  );
  if (missed.length > 0) process.exitCode = 1;
}
const baseUrl = process.env.LLM_BASE_URL;
if (baseUrl) {
  const mode = `llm mode (${process.env.LLM_MODEL ?? "default model"} at ${new URL(baseUrl).host})`;
  print(`${mode}, tuned fixture set`, await runEvaluation({ llm: openAiCompatible(baseUrl) }));
  print(
    `${mode}, unseen set, ${split} split`,
    await runEvaluation({ ...unseen, llm: openAiCompatible(baseUrl) }),
  );
} else {
  write("\nllm mode: skipped (LLM_BASE_URL is not set)");
}
