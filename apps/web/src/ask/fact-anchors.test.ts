import { describe, expect, it } from "vitest";
import { factAnchorId, factIdFromHash, factTargetProps, profileFactHref } from "./fact-anchors";

const profileId = "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a";

describe("source → profile anchor", () => {
  it("links a source to the profile page at the fact", () => {
    expect(profileFactHref(profileId, "e1")).toBe(`/profiles/${profileId}#fact-e1`);
    expect(factAnchorId("e1")).toBe("fact-e1");
  });

  it("round-trips summary and contact ids through the hash", () => {
    const href = profileFactHref(profileId, `${profileId}:summary`);
    const hash = href.slice(href.indexOf("#"));
    expect(factIdFromHash(hash)).toBe(`${profileId}:summary`);
    expect(factAnchorId(factIdFromHash(hash) ?? "")).toBe(`fact-${profileId}:summary`);
  });

  it("ignores hashes that name no fact", () => {
    expect(factIdFromHash("")).toBeNull();
    expect(factIdFromHash("#main")).toBeNull();
    expect(factIdFromHash("#fact-")).toBeNull();
    expect(factIdFromHash("#fact-%E0%A4%A")).toBeNull();
  });

  it("marks only the cited fact as highlighted", () => {
    expect(factTargetProps("e1", "e1", "timeline-item")).toEqual({
      id: "fact-e1",
      className: "timeline-item fact-target fact-highlight",
      tabIndex: -1,
      "data-highlighted": "true",
    });
    expect(factTargetProps("e2", "e1")).toEqual({ id: "fact-e2", className: "fact-target", tabIndex: -1 });
  });
});
