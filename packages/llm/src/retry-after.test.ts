import { describe, expect, it } from "vitest";
import { parseRetryAfter } from "./retry-after";

const now = Date.parse("2026-11-02T10:00:00Z");
const headers = (init: Record<string, string>) => new Headers(init);

describe("parseRetryAfter", () => {
  it("reads delta-seconds, including fractions", () => {
    expect(parseRetryAfter(headers({ "retry-after": "3" }), now)).toBe(3000);
    expect(parseRetryAfter(headers({ "retry-after": "0.25" }), now)).toBe(250);
    expect(parseRetryAfter(headers({ "retry-after": "0" }), now)).toBe(0);
  });

  it("reads an HTTP-date relative to the injected clock", () => {
    expect(parseRetryAfter(headers({ "retry-after": "Mon, 02 Nov 2026 10:00:07 GMT" }), now)).toBe(7000);
  });

  it("treats a date in the past as no wait", () => {
    expect(parseRetryAfter(headers({ "retry-after": "Mon, 02 Nov 2026 09:59:00 GMT" }), now)).toBe(0);
  });

  it("prefers retry-after-ms", () => {
    expect(parseRetryAfter(headers({ "retry-after-ms": "1500", "retry-after": "9" }), now)).toBe(1500);
  });

  it.each(["soon", "-1", "1e3", "2026-11-02", "Mon, 02 Nov 2026 10:00:07", ""])("ignores %j", (value) => {
    expect(parseRetryAfter(headers({ "retry-after": value }), now)).toBeUndefined();
  });

  it("is undefined without the header", () => {
    expect(parseRetryAfter(headers({}), now)).toBeUndefined();
  });
});
