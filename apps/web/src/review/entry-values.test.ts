import { describe, expect, it } from "vitest";
import { moved, roleOf, roleValues, schoolOf } from "./entry-values";

describe("moved", () => {
  it("moves an entry up or down and never out of the list", () => {
    expect(moved(["a", "b", "c"], 1, -1)).toEqual(["b", "a", "c"]);
    expect(moved(["a", "b", "c"], 1, 1)).toEqual(["a", "c", "b"]);
    expect(moved(["a", "b"], 0, -1)).toEqual(["a", "b"]);
    expect(moved(["a", "b"], 1, 1)).toEqual(["a", "b"]);
  });
});

describe("role values", () => {
  const role = {
    id: "r1",
    title: "Engineer",
    company: "Acme",
    start: "2020-01",
    end: "present",
    location: null,
    bullets: ["Built things", "Ran things"],
    technologies: [],
  };

  it("shows a current role ticked with no end, and sends it back as present", () => {
    const values = roleValues(role);
    expect(values).toMatchObject({ end: "", current: true, bullets: "Built things\nRan things" });
    expect(roleOf({ ...values, title: " Lead ", end: "2024-01" })).toEqual({
      title: "Lead",
      company: "Acme",
      start: "2020-01",
      end: "present",
      bullets: ["Built things", "Ran things"],
    });
  });

  it("sends blank school fields as null", () => {
    expect(schoolOf({ school: " MIT ", degree: "", field: " ", start: "", end: "2019-06" })).toEqual({
      school: "MIT",
      degree: null,
      field: null,
      start: null,
      end: "2019-06",
    });
  });
});
