import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { requestIdFor } from "./request-id";

const uuidPattern = /^[0-9a-f-]{36}$/;
const withHeader = (value: string | string[] | undefined) =>
  ({ headers: value === undefined ? {} : { "x-request-id": value } }) as unknown as IncomingMessage;

describe("requestIdFor", () => {
  it("honours a well-formed incoming id", () => {
    expect(requestIdFor(withHeader("trace-abc.123:XYZ"))).toBe("trace-abc.123:XYZ");
  });

  it.each([
    ["missing", undefined],
    ["too short", "abc"],
    ["log injection", "abcdefgh\nlevel=error"],
    ["spaces", "abc def ghi jkl"],
    ["too long", "a".repeat(200)],
    ["header splitting", "abcdefgh\r\nset-cookie: x"],
  ])("replaces a %s id with a fresh UUID", (_label, value) => {
    expect(requestIdFor(withHeader(value))).toMatch(uuidPattern);
  });

  it("uses the first value when the header is repeated", () => {
    expect(requestIdFor(withHeader(["first-id-0001", "second-id-0002"]))).toBe("first-id-0001");
  });
});
