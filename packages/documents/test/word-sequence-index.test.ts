import { describe, expect, it } from "vitest";
import { isInSource, sourceFactsOf } from "../src/llm/grounding";
import { WordSequenceIndex } from "../src/llm/word-sequence-index";

// A small deterministic generator: the same sequences on every run.
function* pseudoRandom(seed: number): Generator<number> {
  let state = seed;
  for (;;) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    yield state;
  }
}

describe("WordSequenceIndex (linear grounding)", () => {
  it("answers exactly like a substring search over words", () => {
    const random = pseudoRandom(7);
    const next = (bound: number) => (random.next().value as number) % bound;
    const vocabulary = ["a", "b", "c", "ab"];
    for (let round = 0; round < 40; round += 1) {
      const source = Array.from({ length: 1 + next(60) }, () => vocabulary[next(4)] ?? "a");
      const index = new WordSequenceIndex(source);
      const padded = ` ${source.join(" ")} `;
      for (let query = 0; query < 50; query += 1) {
        const words = Array.from({ length: 1 + next(6) }, () => vocabulary[next(4)] ?? "a");
        expect(index.contains(words)).toBe(padded.includes(` ${words.join(" ")} `));
      }
    }
  });

  it("never matches an empty phrase or a word the source lacks", () => {
    const index = new WordSequenceIndex(["senior", "engineer"]);
    expect(index.contains([])).toBe(false);
    expect(index.contains(["senior", "manager"])).toBe(false);
    expect(index.contains(["senior", "engineer"])).toBe(true);
  });

  it("grounds on word boundaries, ignoring case, punctuation and spacing", () => {
    const facts = sourceFactsOf("Senior Data-Engineer at ACME, Inc. — Go/Kafka; C++ and C#");
    expect(isInSource(facts, "data engineer")).toBe(true);
    expect(isInSource(facts, "Acme Inc")).toBe(true);
    expect(isInSource(facts, "c++")).toBe(true);
    expect(isInSource(facts, "Engine")).toBe(false);
    expect(isInSource(facts, "Kafka Go")).toBe(false);
  });
});
