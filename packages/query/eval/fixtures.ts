import { readFileSync } from "node:fs";
import type { AskProfile, DateConstraint, Intent, RefusalCode } from "../src/types";

const profileFiles = ["maria-santos.json", "james-okafor.json", "lena-fischer.json"];
/** Profiles nobody tuned on (issue 10): written with their labels before any rule was changed. */
const unseenProfileFiles = [
  "jonas-becker.json",
  "amara-nwosu.json",
  "sofia-marchetti.json",
  "joao-pereira.json",
  "wei-zhang.json",
  "priya-raman.json",
  "elena-vidal.json",
];
const yearMonth = /^\d{4}-(0[1-9]|1[0-2])$/;

function readJson(relative: string): unknown {
  return JSON.parse(readFileSync(new URL(relative, import.meta.url), "utf8"));
}

function fail(file: string, message: string): never {
  throw new Error(`${file}: ${message}`);
}

/** Loads a fixture profile and checks what the types cannot: unique ids and well-formed dates. */
export function loadProfile(file: string, folder = "../fixtures/profiles"): AskProfile {
  const profile = readJson(`${folder}/${file}`) as AskProfile;
  const ids = [
    profile.id,
    ...profile.experiences,
    ...profile.education,
    ...profile.projects,
    ...profile.skills,
  ].map((item) => (typeof item === "string" ? item : item.id));
  if (new Set(ids).size !== ids.length) fail(file, "duplicate ids");
  for (const item of [...profile.experiences, ...profile.education]) {
    for (const value of [item.start, item.end]) {
      if (value !== null && value !== "present" && !yearMonth.test(value))
        fail(file, `bad date ${value} in ${item.id}`);
    }
  }
  return profile;
}

export function loadProfiles(): AskProfile[] {
  return profileFiles.map((file) => loadProfile(file));
}

export function loadUnseenProfiles(): AskProfile[] {
  return unseenProfileFiles.map((file) => loadProfile(file, "./unseen/profiles"));
}

export type CaseCategory = "legit" | "injection" | "private" | "off-topic";
export type Split = "dev" | "test";

export interface EvalCase {
  id: string;
  profile: string;
  question: string;
  /** Earlier questions of the same conversation, asked first to build the session. */
  history?: string[];
  category: CaseCategory;
  /**
   * Set only on cases written after the test split's figures and failures had been read (fourth labelling
   * round on): they are dev-only, so nothing written with that knowledge can count towards a test figure.
   */
  split?: "dev";
  subcategory?:
    | "plain"
    | "split"
    | "encoded"
    | "multilingual"
    | "roleplay"
    | "hidden"
    | "quoted"
    | "tech-help"
    | "local"
    | "general";
  expect: {
    intent?: Intent;
    /** Canonical names; absent or [] means the question names no technology. */
    technologies?: string[];
    /**
     * null means the question carries no date constraint. In the tuned set a missing key means null; in the
     * unseen set a missing key means "not scored" (an ordinal such as "second job" has no constraint kind).
     */
    dates?: DateConstraint | null;
    /** Case-insensitive substrings the answer must contain. */
    contains?: string[];
    /** Case-insensitive substrings the answer must not contain: a claim no fact supports. */
    absent?: string[];
    refusal?: RefusalCode;
  };
}

export interface EvalSet {
  /** The fixed "now" every case is answered at, so relative dates have one right answer. */
  now: string;
  cases: EvalCase[];
  /** Unseen set only: the seed of the dev/test split, fixed before any rule was tuned. */
  seed?: string;
  /** Unseen set only: ordinary résumé lines the guardrails must not flag when screening documents. */
  resumeBullets?: string[];
}

export function loadEvalSet(): EvalSet {
  return readJson("./questions.json") as EvalSet;
}

export function loadUnseenSet(): EvalSet {
  return readJson("./unseen/questions.json") as EvalSet;
}

/** FNV-1a, 32 bits: a stable hash so a case's split never depends on the order of the file. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** The split of a case: decided by the seed and the case id alone, so labels cannot drift between splits. */
export function splitOf(seed: string, id: string): Split {
  return fnv1a(`${seed}:${id}`) % 2 === 0 ? "dev" : "test";
}

/** The unseen set restricted to one split (résumé bullets are split the same way, by their index). */
export function loadUnseenSplit(split: Split): EvalSet {
  const set = loadUnseenSet();
  const seed = set.seed ?? "";
  return {
    ...set,
    cases: set.cases.filter((item) => (item.split ?? splitOf(seed, item.id)) === split),
    resumeBullets: (set.resumeBullets ?? []).filter(
      (_bullet, index) => splitOf(seed, `bullet-${index}`) === split,
    ),
  };
}
