import { describe, expect, it } from "vitest";
import { orderedSections, pageSections } from "./section-order";

describe("orderedSections", () => {
  it("keeps the default order without a tailored one", () => {
    expect(orderedSections(null)).toEqual([...pageSections]);
  });

  it("follows a tailored order, ignoring the summary and unknown names and keeping missing sections", () => {
    expect(orderedSections(["summary", "skills", "experiences", "bogus", "skills"])).toEqual([
      "skills",
      "experiences",
      "education",
      "projects",
    ]);
  });
});
