import { foldText } from "./normalize";

const stopwords = new Set([
  "the",
  "a",
  "an",
  "of",
  "and",
  "or",
  "in",
  "on",
  "at",
  "to",
  "for",
  "with",
  "is",
  "was",
  "did",
  "does",
  "do",
  "he",
  "she",
  "they",
  "his",
  "her",
  "their",
  "him",
  "them",
  "what",
  "which",
  "who",
  "how",
  "when",
  "where",
  "has",
  "have",
  "had",
  "any",
  "me",
  "tell",
  "about",
  "many",
  "much",
  "there",
  "that",
  "this",
  "it",
  "be",
]);

/** Crude English suffix stripping, enough to meet "mentored"/"mentor" and "papers"/"paper". */
export function stem(term: string): string {
  return term.replace(/(ing|ed|es|s)$/, "").slice(0, 7);
}

/** Content-word stems of a text, for matching questions against bullets and facts. */
export function contentTerms(text: string): string[] {
  return (foldText(text).match(/[\p{L}\p{N}+#]+/gu) ?? [])
    .filter((term) => term.length > 1 && !stopwords.has(term))
    .map(stem);
}
