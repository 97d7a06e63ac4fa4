import { describe, expect, it } from "vitest";
import { countQuestions } from "./share-links-api";

describe("countQuestions", () => {
  it("groups the same question however it was typed, most frequent first", () => {
    expect(
      countQuestions([
        { question: "What is his salary?" },
        { question: "Does he like cats?" },
        { question: "what is  his salary? " },
      ]),
    ).toEqual([
      { question: "What is his salary?", count: 2 },
      { question: "Does he like cats?", count: 1 },
    ]);
  });
});
