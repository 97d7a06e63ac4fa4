import { jaroWinkler } from "@skyra/jaro-winkler";

/** Abbreviations HRIS exports use, expanded so "Emp #", "Emp No" and "Employee Number" meet. */
const abbreviations: Readonly<Record<string, string>> = Object.freeze({
  "#": "number",
  no: "number",
  nr: "number",
  num: "number",
  nbr: "number",
  nº: "number",
  "n°": "number",
  emp: "employee",
  empl: "employee",
  dept: "department",
  dep: "department",
  dt: "date",
  addr: "address",
  tel: "telephone",
  mgr: "manager",
  sup: "supervisor",
  cod: "codigo",
  id: "id",
});

/**
 * Normalises a header for matching: splits camelCase and snake/kebab case, folds accents and case,
 * treats punctuation as spaces, expands common abbreviations. "Nº de empleado" and "no_de_empleado"
 * both become "number de empleado". Input is clamped to 120 characters (matching cost is bounded).
 */
export function normaliseName(raw: string): string {
  const spaced = raw
    .slice(0, 120)
    .replace(/([a-z\d])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .replace(/[nN][º°]/g, " nº ")
    .replace(/#/g, " # ");
  const folded = spaced
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/ß/g, "ss");
  return folded
    .split(/[^a-z0-9#º°]+/)
    .filter((token) => token.length > 0)
    .map((token) => abbreviations[token] ?? token)
    .join(" ");
}

/** Words that carry no meaning for matching ("de", "of", "the", "du", "do"). */
const stopWords = new Set([
  "de",
  "del",
  "la",
  "el",
  "los",
  "of",
  "the",
  "du",
  "des",
  "le",
  "do",
  "da",
  "dos",
  "das",
  "der",
  "die",
  "des",
  "and",
  "y",
  "et",
  "e",
  "und",
  "a",
]);

/** Meaningful tokens of a normalised name. */
export function tokens(normalised: string): string[] {
  const all = normalised.split(" ").filter((token) => token.length > 0);
  const meaningful = all.filter((token) => !stopWords.has(token));
  return meaningful.length > 0 ? meaningful : all;
}

/**
 * Similarity of two normalised names (0–1): Jaro-Winkler for single words, otherwise a symmetric
 * token alignment (each token's best Jaro-Winkler partner, averaged both ways), so word order
 * ("date hire" / "hire date") and small spelling differences ("adress") cost little.
 */
export function nameSimilarity(
  a: string,
  b: string,
  aTokens: readonly string[],
  bTokens: readonly string[],
): number {
  if (a === b) return 1;
  // Whole-string Jaro-Winkler rewards a shared prefix, which multi-word names share too easily
  // ("numero de securite sociale" / "numero de celular"), so it only decides single words.
  if (aTokens.length <= 1 && bTokens.length <= 1) return jaroWinkler(a, b);
  const align = (from: readonly string[], to: readonly string[]) => {
    let total = 0;
    for (const token of from) {
      let best = 0;
      for (const other of to) {
        const score = token === other ? 1 : jaroWinkler(token, other);
        // A loosely similar word ("securite" / "celular") is a different word, not partial credit.
        if (score >= 0.85 && score > best) best = score;
      }
      total += best;
    }
    return total / from.length;
  };
  const tokenScore = (align(aTokens, bTokens) + align(bTokens, aTokens)) / 2;
  return tokenScore;
}

/** True when every token of `part` appears in `whole` (as a contiguous phrase or not). */
export function containsTokens(whole: readonly string[], part: readonly string[]): boolean {
  return part.length > 0 && part.every((token) => whole.includes(token));
}
