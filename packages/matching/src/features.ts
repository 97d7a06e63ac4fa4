import { attestationFacts, contentFacts, type ProfileFact } from "./facts";
import { type ScoreResult, scoreFacts } from "./score";
import type { Attestation, MatchProfile, Requirement, YearMonth } from "./types";

/**
 * Version of the stored form of {@link MatchFeatures}: bumped whenever what a fact holds changes —
 * `facts.ts`, the vocabulary (content words, languages) or the taxonomy's names and aliases — or how it
 * is laid out, so stored features read by an older or newer build are recomputed rather than trusted.
 */
export const matchFeaturesVersion = "facts-2";

/**
 * One fact as stored: {@link ProfileFact}'s fields in a fixed order — `[id, kind, text, technologies,
 * languages, words, start, end]` — with technologies flat (`[canonical, words as written, …]`) and
 * words one spaced string (" go kubernete "). A tuple of plain values, not an object of arrays and
 * sets, because a ranking parses ten thousand profiles' facts: fewer keys and values to parse, and
 * nothing to rebuild into maps or sets afterwards.
 */
export type StoredFact = [
  id: string,
  kind: ProfileFact["kind"],
  text: string,
  technologies: string[],
  languages: string[],
  words: string,
  start: YearMonth | null,
  end: YearMonth | "present" | null,
];

/**
 * What the scorer reads of one profile version, precomputed once: the normalised technologies, content
 * words, languages and dates of each of its own facts (not its attestations, which change without a new
 * profile version and are added when scoring). Plain JSON, so it can be stored next to the profile and
 * scoring thousands of profiles reads it instead of re-analysing every text.
 */
export interface MatchFeatures {
  version: typeof matchFeaturesVersion;
  facts: StoredFact[];
}

/** The {@link MatchFeatures} of a profile (its attestations are ignored). */
export function matchFeaturesOf(profile: MatchProfile): MatchFeatures {
  return {
    version: matchFeaturesVersion,
    facts: contentFacts(profile).map((item) => [
      item.id,
      item.kind,
      item.text,
      [...item.technologies],
      item.languages,
      item.words,
      item.start,
      item.end,
    ]),
  };
}

/**
 * Whether stored JSON is features of this build's {@link matchFeaturesVersion}. A shallow check on
 * purpose: features are written only by {@link matchFeaturesOf}, and the version is what moves.
 */
export function isMatchFeatures(value: unknown): value is MatchFeatures {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as Partial<MatchFeatures>;
  return candidate.version === matchFeaturesVersion && Array.isArray(candidate.facts);
}

/**
 * The features stored as JSON text `json`, or undefined when it is not features of this build's
 * {@link matchFeaturesVersion} (or not JSON at all) — the caller recomputes them then.
 */
export function parseMatchFeatures(json: string): MatchFeatures | undefined {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return undefined;
  }
  return isMatchFeatures(value) ? value : undefined;
}

function factOf(stored: StoredFact): ProfileFact {
  return {
    id: stored[0],
    kind: stored[1],
    text: stored[2],
    technologies: stored[3],
    languages: stored[4],
    words: stored[5],
    start: stored[6],
    end: stored[7],
  };
}

/**
 * {@link scoreProfile} from stored features plus the profile's current attestations: the same result,
 * byte for byte, as scoring the profile the features were computed from with those attestations.
 */
export function scoreMatchFeatures(
  profile: { id: string; features: MatchFeatures; attestations?: readonly Attestation[] },
  requirements: readonly Requirement[],
  options: { today: Date },
): ScoreResult {
  const facts = profile.features.facts.map(factOf);
  if (profile.attestations !== undefined && profile.attestations.length > 0) {
    facts.push(...attestationFacts({ id: profile.id, attestations: [...profile.attestations] }));
  }
  return scoreFacts(facts, requirements, options);
}
