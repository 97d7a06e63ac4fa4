import { describe, expect, it } from "vitest";
import { parseResumeHeuristic } from "../src/index";

const text = [
  "Jana Weiss",
  "",
  "EXPERIENCE",
  "",
  "Senior Softwareentwickler | Škoda Digital s.r.o.",
  "Sep 2017 – Mar 2021 | Praha",
  "• Entwickelte Dienste für Fahrzeugdaten mit Kafka und PostgreSQL; Größenordnung:",
  "2 Mrd. Ereignisse täglich.",
  "",
  "Software Engineer | Café Crème Systèmes SA",
  "Feb 2013 – Aug 2017 | Genève",
  "• Baute die Bestell-App für 140 Filialen.",
].join("\n");

describe("a wrapped bullet right above the next entry", () => {
  it("stays in its bullet and never becomes the next entry's company", () => {
    const { experiences } = parseResumeHeuristic(text);
    expect(experiences.map((entry) => [entry.title, entry.company])).toEqual([
      ["Senior Softwareentwickler", "Škoda Digital s.r.o."],
      ["Software Engineer", "Café Crème Systèmes SA"],
    ]);
    expect(experiences[0]?.bullets.at(-1)).toMatch(/Größenordnung: 2 Mrd\. Ereignisse täglich\.$/);
  });
});
