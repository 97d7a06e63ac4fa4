import { describe, expect, it } from "vitest";
import { filterInput, isFiltered, noFilter } from "./people-filters";

describe("filterInput", () => {
  it("sends only what narrows the list", () => {
    expect(filterInput(noFilter)).toEqual({});
    expect(isFiltered({ ...noFilter, query: "   " })).toBe(false);
    expect(filterInput({ query: " Ada ", status: "ready", kind: "pdf" })).toEqual({
      query: "Ada",
      statuses: ["ready"],
      kinds: ["pdf"],
    });
    expect(isFiltered({ ...noFilter, kind: "docx" })).toBe(true);
  });
});
