import { performance } from "node:perf_hooks";
import { basicAnswer } from "./answer/basic";
import { buildCards, buildSources } from "./answer/cards";
import { separateCitations } from "./answer/citations";
import type { AnswerContext } from "./answer/context";
import { llmAnswer, type QueryLlm } from "./answer/llm";
import { extractDates } from "./dates";
import { extractEntities } from "./entities";
import { profileFacts, profileTechnologies } from "./facts";
import { resolveFollowUp } from "./follow-ups";
import { checkGuardrails, refusalMessage } from "./guardrails";
import { classifyIntent } from "./intent";
import { normalizeQuestion } from "./normalize";
import { retrieveFacts, type SearchFacts } from "./retrieval";
import { nextSession } from "./session";
import { extractTechnologies, withoutEmployers } from "./technologies";
import { detectTopic, topicEvidence, topicIntent } from "./topics";
import type { AskProfile, Card, Fact, Intent, RefusalCode, SessionState, Source } from "./types";
import { createWorkBudget, type WorkLimits } from "./work-budget";

export const stageNames = [
  "normalize",
  "guardrails",
  "technologies",
  "entities",
  "dates",
  "intent",
  "followUps",
  "retrieval",
  "answer",
] as const;
export type StageName = (typeof stageNames)[number];

export interface AskInput {
  question: string;
  profile: AskProfile;
  session: SessionState;
  now: Date;
}

export interface AskDependencies {
  searchFacts: SearchFacts;
  /** When absent, answers come from basic mode. */
  llm?: QueryLlm;
  signal?: AbortSignal;
  /** Fuzzy-matching work allowed for this question; `defaultWorkLimits` when absent. */
  workLimits?: Partial<WorkLimits>;
}

export interface AskResult {
  answer: string;
  mode: "llm" | "basic";
  /** Why an LLM-capable call answered in basic mode; absent otherwise. */
  fallback?: "llm-error" | "llm-unverified";
  intent: Intent;
  intentConfidence: number;
  cards: Card[];
  sources: Source[];
  refusal?: { code: RefusalCode; reason: string };
  /** Milliseconds per stage; stages that did not run are 0. */
  timings: Record<StageName, number>;
  /** Sentences the verifier removed from an LLM answer. */
  dropped: Array<{ sentence: string; reason: string }>;
  session: SessionState;
  /** Structured results of the stages, for analytics and the evaluation. */
  analysis: {
    technologies: string[];
    dates: AnswerContext["dates"];
    entities: string[];
    followUp: string;
    factIds: string[];
    /** Fuzzy-matching work this question cost; `exhausted` when it hit the budget and matched exactly only. */
    work: { cells: number; distanceCalls: number; ms: number; exhausted: boolean };
  };
}

/**
 * Answers one question about one profile. Never throws for anything the asker typed or the LLM did:
 * refusals are results, and an LLM failure falls back to basic mode with `fallback` set. Only a failing
 * `signal` abort or a programming error propagates. The synchronous stages run on the caller's thread
 * with bounded cost: every stage is linear in the (capped) question and the profile, and fuzzy name
 * matching — the one quadratic part — spends from one work budget per question (`deps.workLimits`).
 */
export async function ask(input: AskInput, deps: AskDependencies): Promise<AskResult> {
  const timings = Object.fromEntries(stageNames.map((name) => [name, 0])) as Record<StageName, number>;
  const time = <T>(stage: StageName, run: () => T): T => {
    const start = performance.now();
    const result = run();
    timings[stage] += performance.now() - start;
    return result;
  };

  const budget = createWorkBudget(deps.workLimits);
  const work = () => ({
    cells: budget.cells,
    distanceCalls: budget.distanceCalls,
    ms: budget.ms,
    exhausted: budget.exhausted,
  });
  const question = time("normalize", () => normalizeQuestion(input.question));
  const verdict = time("guardrails", () => checkGuardrails(question));
  if (!verdict.allowed) {
    return {
      answer: refusalMessage(verdict.code),
      mode: "basic",
      intent: "out-of-scope",
      intentConfidence: 1,
      cards: [],
      sources: [],
      refusal: { code: verdict.code, reason: verdict.reason },
      timings,
      dropped: [],
      session: { ...input.session, turn: input.session.turn + 1 },
      analysis: {
        technologies: [],
        dates: null,
        entities: [],
        followUp: "none",
        factIds: [],
        work: work(),
      },
    };
  }

  const facts = profileFacts(input.profile);
  const usedTechnologies = profileTechnologies(input.profile);
  const entities = time("entities", () => extractEntities(question.text, input.profile, budget));
  const employers = entities.filter((entity) => entity.kind === "company").map((entity) => entity.name);
  const technologies = time("technologies", () =>
    withoutEmployers(extractTechnologies(question.text, usedTechnologies), employers, usedTechnologies),
  );
  const dates = time("dates", () =>
    extractDates(question.text, { now: input.now, profile: input.profile, budget }),
  );
  const topic = time("intent", () =>
    detectTopic(question, {
      technology: technologies.technologies.length > 0,
      entity: entities.length > 0,
    }),
  );
  const intent = time("intent", () =>
    classifyIntent(question, {
      technologyCount: technologies.technologies.length,
      entityKinds: entities.map((entity) => entity.kind),
      hasDates: dates !== null,
      personName: input.profile.name,
      topicIntent: topic ? topicIntent(topic) : null,
    }),
  );
  const followUp = time("followUps", () =>
    resolveFollowUp({
      question,
      session: input.session,
      intent: intent.intent,
      intentConfidence: intent.confidence,
      entities,
      technologies: technologies.technologies,
      dates,
      facts,
      now: input.now,
    }),
  );

  const retrievalStart = performance.now();
  const retrieved = await retrieveFacts(
    {
      profileId: input.profile.id,
      facts,
      query: question.text,
      intent: followUp.intent,
      technologies: followUp.technologies,
      categories: technologies.categories,
      entities,
      dates: followUp.dates,
      focusFactIds: followUp.focusFactIds,
      excludeFactIds: followUp.excludeFactIds,
      now: input.now,
      signal: deps.signal,
    },
    deps.searchFacts,
  );
  timings.retrieval = performance.now() - retrievalStart;

  const byId = new Map(facts.map((fact) => [fact.id, fact]));
  // A topic question is answered by the text that shows the topic, wherever retrieval ranked it.
  const answersTopic = topic !== null && followUp.kind === "none";
  const topicIds = answersTopic ? topicEvidence(input.profile, topic).map((piece) => piece.factId) : [];
  const selected = [...new Set([...topicIds, ...retrieved.factIds])]
    .map((id) => byId.get(id))
    .filter((fact): fact is Fact => !!fact);
  const context: AnswerContext = {
    profile: input.profile,
    intent: followUp.intent,
    facts: selected,
    technologies: followUp.technologies,
    missingTechnologies: retrieved.missingTechnologies,
    dates: followUp.dates,
    isMore: followUp.kind === "more",
    question: question.text,
    now: input.now,
    topic: answersTopic ? topic : null,
  };

  const answerStart = performance.now();
  let mode: AskResult["mode"] = "basic";
  let fallback: AskResult["fallback"];
  let draft = { text: "", citedFactIds: [] as string[] };
  let dropped: AskResult["dropped"] = [];
  const templated = ["greeting", "meta", "out-of-scope"].includes(followUp.intent) || selected.length === 0;
  if (deps.llm && !templated) {
    try {
      const verified = await llmAnswer(
        {
          profile: input.profile,
          intent: followUp.intent,
          question: question.text,
          facts: selected,
          signal: deps.signal,
          budget,
        },
        deps.llm,
      );
      dropped = verified.dropped;
      if (verified.kept > 0) {
        mode = "llm";
        draft = verified;
      } else {
        fallback = "llm-unverified";
      }
    } catch (error) {
      if (deps.signal?.aborted) throw error;
      fallback = "llm-error";
    }
  }
  if (mode === "basic") draft = basicAnswer(context);
  timings.answer = performance.now() - answerStart;

  const cited = draft.citedFactIds.map((id) => byId.get(id)).filter((fact): fact is Fact => !!fact);
  // Both modes cite as [factId] while drafting (the verifier needs the ids); the asker reads plain text and
  // each source says which spans it supports.
  const readable = separateCitations(draft.text, (id) => byId.has(id));
  return {
    answer: readable.text,
    mode,
    ...(fallback ? { fallback } : {}),
    intent: followUp.intent,
    intentConfidence: intent.confidence,
    cards: buildCards(input.profile, cited),
    sources: buildSources(cited, readable.spans),
    timings,
    dropped,
    session: nextSession(input.session, {
      intent: followUp.intent,
      technologies: followUp.technologies,
      dates: followUp.dates,
      entities,
      focusFactIds: followUp.focusFactIds,
      citedFacts: cited,
    }),
    analysis: {
      technologies: followUp.technologies,
      dates: followUp.dates,
      entities: entities.map((entity) => `${entity.kind}:${entity.name}`),
      followUp: followUp.kind,
      factIds: retrieved.factIds,
      work: work(),
    },
  };
}
