import { profileFacts } from "./facts";
import type { SearchFacts } from "./retrieval";
import { contentTerms as terms } from "./terms";
import type { AskProfile } from "./types";

/**
 * An in-memory `SearchFacts` for tests, the evaluation and the bench: term-frequency scoring of stemmed words over
 * `profileFacts`, standing in for Postgres full-text search. Not for production (no stemming, no index).
 */
export function createInMemoryFactSearch(profiles: AskProfile[]): SearchFacts {
  const indexes = new Map(
    profiles.map((profile) => [
      profile.id,
      profileFacts(profile).map((fact) => ({ id: fact.id, terms: terms(fact.text) })),
    ]),
  );
  return async ({ profileId, query, limit }) => {
    const wanted = new Set(terms(query));
    const index = indexes.get(profileId) ?? [];
    return index
      .map((entry) => ({
        id: entry.id,
        rank: entry.terms.filter((term) => wanted.has(term)).length / Math.sqrt(entry.terms.length + 1),
      }))
      .filter((hit) => hit.rank > 0)
      .sort((a, b) => b.rank - a.rank)
      .slice(0, limit);
  };
}
