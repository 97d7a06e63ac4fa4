import { foldText, type NormalizedQuestion } from "./normalize";
import type { EntityKind, Intent } from "./types";

/** What earlier stages found; entity and technology hits are strong evidence for some intents. */
export interface IntentSignals {
  technologyCount: number;
  entityKinds: EntityKind[];
  hasDates: boolean;
  /** The profile owner's name; "what does James do?" reads as "what does they do?". */
  personName?: string | null;
  /** The intent of a topic question ("which languages does she speak?" → skills), see `detectTopic`. */
  topicIntent?: Intent | null;
}

export interface IntentResult {
  intent: Intent;
  /** 0..1: how clearly the winner beat the runner-up (and how much evidence it had). */
  confidence: number;
  /** Scores per intent, for debugging and analytics. */
  scores: Partial<Record<Intent, number>>;
}

type Rule = [RegExp, number];

const person = "(he|she|they|him|her|them|the candidate|this person)";

const rules: Record<Exclude<Intent, "out-of-scope">, Rule[]> = {
  greeting: [
    [
      /^(hi|hello|hey|hiya|howdy|greetings|yo|hola|bonjour|hallo|ola|salut|good (morning|afternoon|evening|day))\b/,
      3,
    ],
    [
      /\b(thanks|thank you|thx|cheers|bye|goodbye|see you|nice to meet|how are you|how's it going|what's up|have a (nice|good) day|great,? thanks)\b/,
      3,
    ],
  ],
  meta: [
    [
      /\b(what (can|do) you (do|know|answer)|who are you|what are you|are you (a |an )?(bot|ai|human|robot|real|person)|how do(es)? (this|you|it) work|what (can|should|could) i ask|where (does|do) (this|your|the) (data|information|answers?) come from|how accurate|what is this (tool|app|site|thing)|how do you know|can you help)\b/,
      4,
    ],
  ],
  contact: [
    [
      /\b(e-?mail|phone|telephone|call (him|her|them)|reach|contact|get in touch|linkedin|github( profile| page| account)?|website|personal site|links?|twitter|mastodon)\b/,
      3,
    ],
    [
      new RegExp(
        `\\b(where (is|does) ${person} (based|located|live|living)|location|which city|what city|which country|based in)\\b`,
      ),
      3,
    ],
  ],
  availability: [
    [
      new RegExp(
        `\\b(available|availability|notice period|start date|when can ${person} start|open to (work|new|opportunities|relocation|remote|offers)|looking for (a )?(new )?(job|role|position|opportunit\\w*)|job hunting|on the market|relocat\\w*|willing to (move|travel|relocate|work)|work remotely|remote (work|role|position|only)|full[- ]time|part[- ]time|freelance work|contract work)\\b`,
      ),
      4,
    ],
  ],
  "fit-for-role": [
    [
      new RegExp(
        `\\b(good fit|great fit|fit for|right fit|suitable|qualified|right (person|candidate)|a match for|match (for|with) (a|an|the|our)|would ${person} (be|make) (a |an )?(good|great|strong|solid)|strong candidate|could ${person} (lead|handle|work as|do the job|take on|run|own)|should (we|i) (hire|interview)|worth (hiring|interviewing)|hire ${person}|ready for (a|an|the) |can ${person} (handle|lead|do) (a|an|the|our))\\b`,
      ),
      4,
    ],
    [
      /\b(role|position|job|opening) (as|of|for|on our|in our)\b|\bour (team|role|position|opening|company)\b/,
      1.5,
    ],
  ],
  education: [
    [
      /\b(degrees?|universit(y|ies)|colleges?|schools?|attend(ed|ing)?|studied|study|studies|education|educated|graduat\w*|bachelor'?s?|master'?s?|phd|ph\.d|doctorate|doctoral|dissertation|undergrad\w*|postgrad\w*|msc|bsc|mba|diploma|thesis|major(ed)?|gpa|academic|alma mater|certifications?|certified|bootcamp|estudi\w{0,3}|estudou|formacao|formacion|universidad|universidade|hochschule|studium|studiert|ausbildung)\b/,
      4,
    ],
    // "Where did she learn UX design?" / "Where was he trained?": where a skill was studied, not used.
    [new RegExp(`\\bwhere (did|was|were) ${person} (learn|learnt|learned|train|trained|qualif\\w*)\\b`), 4],
  ],
  projects: [
    [
      /\b(projects?|side[- ]projects?|open[- ]source|portfolio|hobby|hackathons?|repos?|repositories|contributions?|built on (his|her|their) own|personal work|libraries (he|she|they) (wrote|built|maintain))\b/,
      4,
    ],
  ],
  skills: [
    [
      /\b(skills?|skillset|technolog\w*|tech stack|stack|programming languages?|languages?|frameworks?|tools?|tooling|knows?|knowledge|familiar|proficien\w*|expertise|expert|good at|strong in|use[sd]?|using|worked with|work with|code in|write|databases?|cloud|devops|frontend|front-end|backend|back-end|ml|machine learning|certif)\b/,
      2,
    ],
    [/\b(how many years|years of experience|how long has (he|she|they) (used|been using|worked with))\b/, 1],
  ],
  experience: [
    [
      /\b(work(ed|s|ing)? (at|for|in|on)|jobs?|roles?|positions?|employ\w*|compan(y|ies)|employers?|experience|responsib\w*|duties|did (he|she|they) do|does (he|she|they) do|was (he|she|they) doing|is (he|she|they) doing|led|lead(ing)?|manag\w+|team|achievements?|accomplish\w*|impact|titles?|currently|current|first job|previous|worked|career)\b/,
      2,
    ],
    [
      /\b(what|where) (does|did|do|is|was) (he|she|they) (work|do|doing)\b|\bwork history\b|\bemployment\b/,
      2,
    ],
    // "What did she do after her PhD?" asks for the work that followed the studies, not the studies.
    [
      /\b(before|after|since|following) (his|her|their|the) (ph\.?d|doctorate|degree|master'?s|bachelor'?s|studies|graduation|thesis|dissertation)\b/,
      5,
    ],
  ],
  summary: [
    [
      new RegExp(
        `\\b(tell me about ${person}|tell me about (him|her|them)self|who is|summar\\w*|overview|introduce|background(?! (in|with|as|at|on)\\b)|in (a )?nutshell|elevator pitch|about ${person}$|bio|describe ${person}|highlights|strengths|what kind of (engineer|developer|person|professional)|in (a few|one|two|three) (words|sentences))\\b`,
      ),
      4,
    ],
  ],
  timeline: [
    [
      /\b(timeline|chronolog\w*|career (path|progression|history|trajectory|so far|change|switch)|(tell me about|describe|walk me through) (his|her|their) career[?.!]{0,3}$|progression|in order|over the years|history of|step by step|gaps?|year by year|how (has|did) (his|her|their) career|walk me through)\b/,
      4,
    ],
    // "Tell me about her career change" is the path, not the summary.
    [/\bcareer (change|switch)|\b(changed|switched) careers?\b/, 1],
  ],
};

function replaceName(text: string, name: string | null | undefined): string {
  const parts = foldText(name ?? "")
    .split(/\s+/)
    .filter((part) => part.length >= 2);
  if (parts.length === 0) return text;
  const escaped = parts.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return text.replace(
    new RegExp(`\\b(${escaped.join("|")})('s)?( (${escaped.join("|")})('s)?)?\\b`, "g"),
    (_m, _a, own) => (own ? "their" : "they"),
  );
}

/**
 * Classifies a question into one of `intents` by weighted phrase rules plus signals from the extraction
 * stages. Deterministic and cheap (a few regex tests); the LLM is never needed to route.
 */
export function classifyIntent(question: NormalizedQuestion, signals: IntentSignals): IntentResult {
  const text = replaceName(question.folded, signals.personName);
  const scores: Partial<Record<Intent, number>> = {};
  for (const [intent, intentRules] of Object.entries(rules) as Array<[Intent, Rule[]]>) {
    let score = 0;
    for (const [pattern, weight] of intentRules) if (pattern.test(text)) score += weight;
    if (score > 0) scores[intent] = score;
  }
  if (signals.technologyCount > 0) scores.skills = (scores.skills ?? 0) + 2.5;
  if (signals.entityKinds.includes("company") || signals.entityKinds.includes("title")) {
    scores.experience = (scores.experience ?? 0) + 2.5;
  }
  if (signals.entityKinds.includes("school")) scores.education = (scores.education ?? 0) + 3;
  if (signals.entityKinds.includes("project")) scores.projects = (scores.projects ?? 0) + 3;
  if (signals.hasDates) scores.experience = (scores.experience ?? 0) + 1;
  if (signals.topicIntent) scores[signals.topicIntent] = (scores[signals.topicIntent] ?? 0) + 4;
  // A greeting followed by a real question is a question ("hi, what does she do?").
  if (scores.greeting !== undefined && question.tokens.length > 6) scores.greeting -= 2;

  const ranked = (Object.entries(scores) as Array<[Intent, number]>)
    .filter(([, score]) => score > 0)
    .sort((a, b) => b[1] - a[1]);
  const [top, second] = ranked;
  if (!top) {
    // No rule fired but the question is about the person ("has he taught?", "how many papers…"): most
    // of a résumé is its work history, so full-text retrieval over experiences is the best bet.
    const aboutPerson = /\b(he|she|they|him|her|them|his|their)\b/.test(text);
    return aboutPerson
      ? { intent: "experience", confidence: 0.3, scores }
      : { intent: "out-of-scope", confidence: 0.4, scores };
  }
  const margin = top[1] / (top[1] + (second?.[1] ?? 0));
  const evidence = Math.min(1, top[1] / 4);
  return { intent: top[0], confidence: Number((margin * evidence).toFixed(2)), scores };
}
