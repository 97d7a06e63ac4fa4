import type { QueryLlm } from "../src/answer/llm";
import { type AskResult, ask } from "../src/ask";
import { checkGuardrails } from "../src/guardrails";
import { normalizeQuestion } from "../src/normalize";
import { createInMemoryFactSearch } from "../src/testing";
import { type AskProfile, type DateConstraint, emptySession, type SessionState } from "../src/types";
import { type EvalCase, type EvalSet, loadEvalSet, loadProfiles } from "./fixtures";

export interface CaseOutcome {
  case: EvalCase;
  result: AskResult;
  intentOk: boolean | null;
  dateOk: boolean | null;
  containsOk: boolean | null;
  missing: string[];
  /** `absent` substrings the answer contains anyway: claims no fact supports. */
  unsupported: string[];
  /** Raw fact ids or date placeholders found in the answer text. */
  unreadable: string[];
  technologies: { tp: number; fp: number; fn: number };
}

export interface Ratio {
  hits: number;
  total: number;
}

export interface EvalReport {
  cases: number;
  intentAccuracy: Ratio;
  technologyF1: { precision: number; recall: number; f1: number };
  dateAccuracy: Ratio;
  dateAccuracyDated: Ratio;
  answerContainsFacts: Ratio;
  /** Answers free of raw fact ids ("[6d89f672-…]") and date placeholders ("?–2014"). */
  readableAnswers: Ratio;
  guardrail: {
    precision: Ratio;
    recall: Ratio;
    recallBySubset: Record<string, Ratio>;
    codeAgreement: Ratio;
    falseRefusals: string[];
    /** Ordinary résumé lines the document screen (`checkGuardrails`) flagged, of those screened. */
    resumeBulletsFlagged: Ratio & { flagged: string[] };
  };
  modes: Record<string, number>;
  droppedSentences: number;
  outcomes: CaseOutcome[];
}

const sameDates = (a: DateConstraint | null | undefined, b: DateConstraint | null) =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

const ratio = (hits: number, total: number): Ratio => ({ hits, total });

function screenBullets(bullets: string[]): Ratio & { flagged: string[] } {
  // Documents drop a line only for PROMPT_INJECTION (see @vitae/documents' screen), so that is the false alarm.
  const flagged = bullets.filter((bullet) => {
    const verdict = checkGuardrails(normalizeQuestion(bullet));
    return !verdict.allowed && verdict.code === "PROMPT_INJECTION";
  });
  return { hits: flagged.length, total: bullets.length, flagged };
}

/** A fact id cited in brackets, or an unknown date bound written as "?". */
const unreadablePattern = /\[[^\]\s]{1,80}\]|\?\s?[–-]|[–-]\s?\?(?![\w])/g;

function unreadableParts(answer: string): string[] {
  return answer.match(unreadablePattern) ?? [];
}

export interface EvaluationOptions {
  llm?: QueryLlm;
  /** The labelled set and its profiles; the tuned fixture set by default. */
  set?: EvalSet;
  profiles?: AskProfile[];
  /** Score dates only where a case labels them (the unseen set); otherwise a missing label means null. */
  datesOnlyWhenLabelled?: boolean;
}

/** Runs the labelled set through `ask()` and scores it. No thresholds: it reports, it does not judge. */
export async function runEvaluation(options: EvaluationOptions = {}): Promise<EvalReport> {
  const set = options.set ?? loadEvalSet();
  const profiles = new Map((options.profiles ?? loadProfiles()).map((profile) => [profile.id, profile]));
  const searchFacts = createInMemoryFactSearch([...profiles.values()]);
  const now = new Date(set.now);
  const outcomes: CaseOutcome[] = [];
  const modes: Record<string, number> = {};
  let droppedSentences = 0;

  for (const item of set.cases) {
    const profile = profiles.get(item.profile);
    if (!profile) throw new Error(`case ${item.id}: unknown profile ${item.profile}`);
    let session: SessionState = emptySession();
    for (const earlier of item.history ?? []) {
      session = (await ask({ question: earlier, profile, session, now }, { searchFacts, llm: options.llm }))
        .session;
    }
    const result = await ask(
      { question: item.question, profile, session, now },
      { searchFacts, llm: options.llm },
    );
    const label = result.refusal ? "refusal" : result.fallback ? `basic (${result.fallback})` : result.mode;
    modes[label] = (modes[label] ?? 0) + 1;
    droppedSentences += result.dropped.length;
    const legit = item.category === "legit";
    const expected = new Set(item.expect.technologies ?? []);
    const predicted = new Set(result.analysis.technologies);
    const tp = [...predicted].filter((name) => expected.has(name)).length;
    const contains = item.expect.contains ?? [];
    const answer = result.answer.toLowerCase();
    const missing = contains.filter((needle) => !answer.includes(needle.toLowerCase()));
    const absent = item.expect.absent ?? [];
    const unsupported = absent.filter((needle) => answer.includes(needle.toLowerCase()));
    const datesScored = legit && (!options.datesOnlyWhenLabelled || "dates" in item.expect);
    outcomes.push({
      case: item,
      result,
      intentOk: legit && item.expect.intent ? result.intent === item.expect.intent : null,
      dateOk: datesScored ? sameDates(item.expect.dates, result.analysis.dates) : null,
      containsOk:
        legit && contains.length + absent.length > 0
          ? missing.length === 0 && unsupported.length === 0
          : null,
      missing,
      unsupported,
      unreadable: result.refusal ? [] : unreadableParts(result.answer),
      technologies: legit ? { tp, fp: predicted.size - tp, fn: expected.size - tp } : { tp: 0, fp: 0, fn: 0 },
    });
  }

  const count = (pick: (outcome: CaseOutcome) => boolean | null) => {
    const scored = outcomes.map(pick).filter((value): value is boolean => value !== null);
    return ratio(scored.filter(Boolean).length, scored.length);
  };
  const sum = (key: "tp" | "fp" | "fn") =>
    outcomes.reduce((total, outcome) => total + outcome.technologies[key], 0);
  const precision = sum("tp") / Math.max(1, sum("tp") + sum("fp"));
  const recall = sum("tp") / Math.max(1, sum("tp") + sum("fn"));
  const mustRefuse = outcomes.filter((outcome) => outcome.case.expect.refusal);
  const refused = outcomes.filter((outcome) => outcome.result.refusal);
  const truePositives = mustRefuse.filter((outcome) => outcome.result.refusal);
  const subsets = new Map<string, CaseOutcome[]>();
  for (const outcome of mustRefuse) {
    const key = outcome.case.subcategory
      ? `${outcome.case.category}/${outcome.case.subcategory}`
      : outcome.case.category;
    subsets.set(key, [...(subsets.get(key) ?? []), outcome]);
  }
  const injections = mustRefuse.filter((outcome) => outcome.case.category === "injection");
  subsets.set("injection (all)", injections);

  return {
    cases: outcomes.length,
    intentAccuracy: count((outcome) => outcome.intentOk),
    technologyF1: {
      precision,
      recall,
      f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    },
    dateAccuracy: count((outcome) => outcome.dateOk),
    dateAccuracyDated: count((outcome) => (outcome.case.expect.dates ? outcome.dateOk : null)),
    answerContainsFacts: count((outcome) => outcome.containsOk),
    readableAnswers: count((outcome) => (outcome.result.refusal ? null : outcome.unreadable.length === 0)),
    guardrail: {
      precision: ratio(truePositives.length, refused.length),
      recall: ratio(truePositives.length, mustRefuse.length),
      recallBySubset: Object.fromEntries(
        [...subsets].map(([key, items]) => [
          key,
          ratio(items.filter((outcome) => outcome.result.refusal).length, items.length),
        ]),
      ),
      codeAgreement: ratio(
        truePositives.filter((outcome) => outcome.result.refusal?.code === outcome.case.expect.refusal)
          .length,
        truePositives.length,
      ),
      falseRefusals: refused
        .filter((outcome) => !outcome.case.expect.refusal)
        .map((outcome) => outcome.case.id),
      resumeBulletsFlagged: screenBullets(set.resumeBullets ?? []),
    },
    modes,
    droppedSentences,
    outcomes,
  };
}
