import { describe, expect, it } from "vitest";
import { slugify } from "./workspaces";

describe("slugify", () => {
  it.each([
    ["Acme Corp", "acme-corp"],
    ["  Ünïcode — Résumés! ", "unicode-resumes"],
    ["Søren's CVs", "s-ren-s-cvs"],
    ["!!!", "workspace"],
    ["日本語", "workspace"],
    ["a".repeat(60), "a".repeat(40)],
    [`${"b".repeat(39)} tail`, "b".repeat(39)],
  ])("%s → %s", (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });
});
