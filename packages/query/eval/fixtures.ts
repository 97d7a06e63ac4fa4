import { readFileSync } from "node:fs";
import type { AskProfile, DateConstraint, Intent, RefusalCode } from "../src/types";

const profileFiles = ["maria-santos.json", "james-okafor.json", "lena-fischer.json"];
const yearMonth = /^\d{4}-(0[1-9]|1[0-2])$/;

function readJson(relative: string): unknown {
  return JSON.parse(readFileSync(new URL(relative, import.meta.url), "utf8"));
}

function fail(file: string, message: string): never {
  throw new Error(`${file}: ${message}`);
}

/** Loads a fixture profile and checks what the types cannot: unique ids and well-formed dates. */
export function loadProfile(file: string): AskProfile {
  const profile = readJson(`../fixtures/profiles/${file}`) as AskProfile;
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
  return profileFiles.map(loadProfile);
}

export type CaseCategory = "legit" | "injection" | "private" | "off-topic";

export interface EvalCase {
  id: string;
  profile: string;
  question: string;
  /** Earlier questions of the same conversation, asked first to build the session. */
  history?: string[];
  category: CaseCategory;
  subcategory?: "plain" | "split" | "encoded" | "multilingual";
  expect: {
    intent?: Intent;
    /** Canonical names; absent or [] means the question names no technology. */
    technologies?: string[];
    /** null means the question carries no date constraint. */
    dates?: DateConstraint | null;
    /** Case-insensitive substrings the answer must contain. */
    contains?: string[];
    refusal?: RefusalCode;
  };
}

export interface EvalSet {
  /** The fixed "now" every case is answered at, so relative dates have one right answer. */
  now: string;
  cases: EvalCase[];
}

export function loadEvalSet(): EvalSet {
  return readJson("./questions.json") as EvalSet;
}
