import { describe, expect, it } from "vitest";
import { entryErrors, linesOf, textOrNull } from "./entry-form";

const fields = [
  { name: "title", label: "Title", kind: "text", isRequired: true },
  { name: "start", label: "Start", kind: "month" },
  { name: "end", label: "End", kind: "month" },
] as const;

describe("entryErrors", () => {
  it("asks for required fields and applies the date rule", () => {
    expect(entryErrors(fields, { title: " ", start: "", end: "" })).toEqual({ title: "Enter the title." });
    expect(entryErrors(fields, { title: "Lead", start: "2021-05", end: "2020-01" })).toEqual({
      end: "The end must be on or after the start.",
    });
    expect(entryErrors(fields, { title: "Lead", start: "2999-01", end: "", current: true })).toEqual({
      start: "The start cannot be in the future.",
    });
    expect(entryErrors(fields, { title: "Lead", start: "2020-01", end: "2020-01" })).toEqual({});
  });
});

describe("form values", () => {
  it("reads texts and lines", () => {
    expect(textOrNull("  ")).toBeNull();
    expect(textOrNull(" MIT ")).toBe("MIT");
    expect(linesOf(" a \n\n b\n")).toEqual(["a", "b"]);
  });
});
