import { describe, expect, it } from "vitest";
import { toSafeUrl } from "./links";

describe("toSafeUrl", () => {
  it.each([
    ["https://example.com/a?b=1", "https://example.com/a?b=1"],
    ["http://example.com", "http://example.com/"],
    ["HTTPS://Example.COM/x", "https://example.com/x"],
    ["mailto:ana@example.com", "mailto:ana@example.com"],
    ["ana@example.com", "mailto:ana@example.com"],
    ["github.com/anasouza", "https://github.com/anasouza"],
    ["linkedin.com/in/anasouza", "https://linkedin.com/in/anasouza"],
    ["https://jürgen-weiß.example.de", "https://xn--jrgen-wei-o1a42a.example.de/"],
    ['https://example.com/"><script>', "https://example.com/%22%3E%3Cscript%3E"],
  ])("links %j as %j", (raw, href) => {
    expect(toSafeUrl(raw)).toBe(href);
  });

  it.each([
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "\u0000javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "blob:https://example.com/x",
    "ftp://example.com",
    "https://bank.example@evil.example/",
    "https://",
    "mailto:",
    "&#106;avascript:alert(1)",
    "not a link",
    "",
  ])("keeps %j as text", (raw) => {
    expect(toSafeUrl(raw)).toBeNull();
  });
});
