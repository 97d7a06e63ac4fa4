import { describe, expect, it } from "vitest";
import { safeHref } from "./safe-href";

describe("safeHref", () => {
  it("keeps http(s) links and reads bare domains as https", () => {
    expect(safeHref("https://example.com/ada")).toBe("https://example.com/ada");
    expect(safeHref("http://example.com")).toBe("http://example.com/");
    expect(safeHref("github.com/ada")).toBe("https://github.com/ada");
  });

  it.each([
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "data:text/html,<script>",
    "mailto:a@b.c",
    "",
    "   ",
  ])("never makes %j clickable", (link) => {
    expect(safeHref(link)).toBeNull();
  });
});
