import { describe, expect, it } from "vitest";
import { getMatchers } from "./find-technologies";
import { definitions, spellingsOf } from "./registry";
import { buildSpellingMatcher, collectByPattern, collectSpellings } from "./spelling-matcher";

const [insensitive, sensitive] = getMatchers();

// Every spelling of the taxonomy, as written, upper-cased, lower-cased and with its first letter
// flipped, at the start of a text, inside prose, glued to neighbours that must block it, and in lists.
function corpus(): string[] {
  const texts: string[] = [];
  for (const definition of definitions) {
    for (const spelling of spellingsOf(definition)) {
      const flipped =
        spelling.charAt(0) === spelling.charAt(0).toUpperCase()
          ? spelling.charAt(0).toLowerCase() + spelling.slice(1)
          : spelling.charAt(0).toUpperCase() + spelling.slice(1);
      for (const form of [spelling, spelling.toUpperCase(), spelling.toLowerCase(), flipped]) {
        texts.push(
          form,
          `Built services in ${form}, Kafka and k8s.`,
          `x${form} ${form}x ${form}+ #${form} @${form} ${form}.js ${form}. ${form}.NET`,
          `Skills: ${form} / ${form.replace(/ /g, "\n")} | ${form}; ${form}(${form})`,
          `ſ${form} ${form}ſ K${form} İ${form} ${form}é`,
        );
      }
    }
  }
  return texts;
}

const strip = <T extends { definition: { name: string } }>(items: T[]) =>
  items.map((item) => ({ ...item, definition: item.definition.name }));

describe("collectSpellings (first-character index) against the whole alternation", () => {
  const texts = corpus();

  it("finds exactly what the global pattern finds on every spelling in every context", {
    timeout: 60_000,
  }, () => {
    expect(texts.length).toBeGreaterThan(10_000);
    for (const matcher of [insensitive, sensitive]) {
      for (const text of texts) {
        expect(strip(collectSpellings(text, matcher)), text).toEqual(strip(collectByPattern(text, matcher)));
      }
    }
  });

  it("finds exactly what the global pattern finds on a long document of corpus texts", {
    timeout: 60_000,
  }, () => {
    const document = texts.filter((_, index) => index % 5 === 0).join("\n");
    for (const matcher of [insensitive, sensitive]) {
      const fast = collectSpellings(document, matcher);
      expect(fast.length).toBeGreaterThan(100);
      expect(strip(fast)).toEqual(strip(collectByPattern(document, matcher)));
    }
  });

  it("keeps a non-ASCII first character reachable from the ASCII letters it folds to", () => {
    // "ſ" folds to "s": the pattern consumes "Spark ml" as "ſpark ml" (no record has that key, so it is
    // dropped), and "spark" may then not match inside it. Leaving "ſpark ml" out of the "s" bucket
    // would wrongly find "Spark".
    const matcher = buildSpellingMatcher(
      [
        ["ſpark ml", { name: "long-s" }],
        ["spark", { name: "spark" }],
      ],
      false,
    );
    expect(collectByPattern("Spark ml", matcher)).toEqual([]);
    expect(collectSpellings("Spark ml", matcher)).toEqual([]);
    for (const text of ["Spark", "ſpark ml, SPARK", "spark  ML"]) {
      expect(collectSpellings(text, matcher), text).toEqual(collectByPattern(text, matcher));
    }
    expect(collectSpellings("Spark", matcher)).toEqual([{ name: "spark", raw: "Spark", start: 0, end: 5 }]);
  });
});
