/**
 * The shapes an Ask answer is made of, shared by the query pipeline that builds them, the API that sends
 * them and the web app that renders them. Clients switch on these strings, so they never change meaning.
 */

/** `YYYY-MM`. */
export type YearMonth = `${number}-${number}`;

/**
 * The kinds of citable profile facts. Spoken languages and each list section (certifications, awards,
 * publications, volunteering) are one fact per profile, cited as `<profileId>:<kind>`.
 */
export const factKinds = [
  "experience",
  "education",
  "project",
  "skill",
  "summary",
  "contact",
  "languages",
  "certifications",
  "awards",
  "publications",
  "volunteering",
] as const;
export type FactKind = (typeof factKinds)[number];

/** Why a question was not answered. */
export const refusalCodes = ["EMPTY_QUESTION", "PROMPT_INJECTION", "PRIVATE_DATA", "OFF_TOPIC"] as const;
export type RefusalCode = (typeof refusalCodes)[number];

/** Who wrote the answer: the LLM (verified) or the deterministic basic mode. */
export const answerModes = ["llm", "basic"] as const;
export type AnswerMode = (typeof answerModes)[number];

/** Why an LLM-mode question was answered in basic mode. */
export const fallbackReasons = ["llm-error", "llm-unverified"] as const;
export type FallbackReason = (typeof fallbackReasons)[number];

/** The card types the UI renders next to an answer. */
export const cardTypes = ["experience", "project", "education", "skill-group"] as const;
export type CardType = (typeof cardTypes)[number];

/** Typed cards the UI renders next to the answer; each points at the fact it came from. */
export type Card =
  | {
      type: "experience";
      factId: string;
      company: string;
      title: string;
      start: YearMonth | null;
      end: YearMonth | "present" | null;
      technologies: string[];
    }
  | {
      type: "project";
      factId: string;
      name: string;
      description: string | null;
      url: string | null;
      technologies: string[];
    }
  | {
      type: "education";
      factId: string;
      school: string;
      degree: string | null;
      field: string | null;
      start: YearMonth | null;
      end: YearMonth | null;
    }
  | { type: "skill-group"; category: string; skills: string[]; factIds: string[] };

/** A range of an answer's text: UTF-16 offsets, `end` exclusive. */
export interface TextSpan {
  start: number;
  end: number;
}

/** A cited fact, for the "sources" list that highlights facts on the profile. */
export interface Source {
  factId: string;
  kind: FactKind;
  label: string;
  /**
   * Where the answer cites this fact: the sentences (or list items) it supports. The answer text itself
   * carries no fact ids, so a client places its citation marks at each span's `end`. Absent on answers
   * stored before spans existed, whose text cites as `[factId]`.
   */
  spans?: TextSpan[];
}

/**
 * The `Profile` of docs/documents-contracts.md with the stable fact ids the database assigns
 * (`profiles.byId` returns this shape as `ProfileView`). Every id is unique within the profile. Ask
 * answers from it, Match scores it, and exports render it.
 */
export interface FactProfile {
  id: string;
  name: string | null;
  headline: string | null;
  summary: string | null;
  contact: { email: string | null; phone: string | null; location: string | null; links: string[] };
  experiences: Array<{
    id: string;
    company: string;
    title: string;
    start: YearMonth | null;
    end: YearMonth | "present" | null;
    location: string | null;
    bullets: string[];
    technologies: string[];
  }>;
  education: Array<{
    id: string;
    school: string;
    degree: string | null;
    field: string | null;
    start: YearMonth | null;
    end: YearMonth | null;
  }>;
  projects: Array<{
    id: string;
    name: string;
    description: string | null;
    url: string | null;
    technologies: string[];
  }>;
  skills: Array<{ id: string; name: string; category: string; raw: string }>;
  /** Spoken languages; absent (older producers) means none. */
  languages?: Array<{ name: string; level: string | null }>;
  /** The list sections, one entry per line as written; absent means none. */
  certifications?: string[];
  awards?: string[];
  publications?: string[];
  volunteering?: string[];
}
