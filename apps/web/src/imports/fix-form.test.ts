import { describe, expect, it } from "vitest";
import { parseValueMap } from "./fix-form";

describe("parseValueMap", () => {
  it("reads old = new lines, trimming both sides and skipping lines without a key", () => {
    expect(parseValueMap("Full time = full_time\n = x\nno equals\nPT=part_time\nA = b = c")).toEqual({
      "Full time": "full_time",
      PT: "part_time",
      A: "b = c",
    });
    expect(parseValueMap("")).toEqual({});
  });
});
