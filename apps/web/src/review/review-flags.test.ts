import { describe, expect, it } from "vitest";
import { looksLikeHeading, reviewFlags } from "./review-flags";

const role = (
  id: string,
  values: Partial<Parameters<typeof reviewFlags>[0]["experiences"][number]> = {},
) => ({
  id,
  title: "Data Engineer",
  company: "Orbital Retail",
  start: "2019-03",
  end: "2021-06",
  location: null,
  bullets: ["Built streaming order events."],
  technologies: [],
  ...values,
});

describe("reviewFlags", () => {
  it("flags nothing on a clean profile", () => {
    expect(reviewFlags({ experiences: [role("a"), role("b")] })).toEqual([]);
  });

  it("offers to swap a company that reads as a title", () => {
    const [flag] = reviewFlags({
      experiences: [role("a", { title: "Orbital Retail", company: "Data Engineer" })],
    });
    expect(flag?.kind).toBe("company-looks-like-title");
    expect(flag?.fix?.patch).toEqual({
      experiences: [{ id: "a", title: "Data Engineer", company: "Orbital Retail" }],
    });
  });

  it("offers to merge an undated, bare entry into the one above", () => {
    const flags = reviewFlags({
      experiences: [
        role("a"),
        role("b", {
          title: "Also ran the on-call rota",
          company: "Team",
          start: null,
          end: null,
          bullets: [],
        }),
      ],
    });
    expect(flags.map((flag) => flag.kind)).toEqual(["looks-like-continuation"]);
    expect(flags[0]?.fix?.patch).toEqual({
      experiences: [
        { id: "a", bullets: ["Built streaming order events.", "Also ran the on-call rota — Team"] },
      ],
      remove: { experiences: ["b"] },
    });
  });

  it("flags a missing start (no one-click fix) and a heading among the bullets", () => {
    const flags = reviewFlags({
      experiences: [role("a", { start: null, bullets: ["Did things.", "SKILLS:"] })],
    });
    expect(flags.map((flag) => [flag.kind, flag.fix?.label ?? null])).toEqual([
      ["missing-dates", null],
      ["bullet-looks-like-heading", "Remove this line"],
    ]);
    expect(flags[1]?.fix?.patch).toEqual({ experiences: [{ id: "a", bullets: ["Did things."] }] });
  });
});

describe("looksLikeHeading", () => {
  it("tells headings from short bullets", () => {
    expect(looksLikeHeading("Education")).toBe(true);
    expect(looksLikeHeading("Key achievements:")).toBe(true);
    expect(looksLikeHeading("TECHNICAL SKILLS")).toBe(true);
    expect(looksLikeHeading("Shipped v2 on time")).toBe(false);
    expect(looksLikeHeading("Cut AWS costs by 30%")).toBe(false);
  });
});
