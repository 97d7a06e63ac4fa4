import { Readable } from "node:stream";
import { AppError } from "@vitae/errors";
import { describe, expect, it } from "vitest";
import {
  assertValidContentType,
  assertValidKey,
  assertValidPrefix,
  assertValidUploadOptions,
  attachmentDisposition,
  normalizeBody,
  resolveExpiresIn,
} from "./validation";

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof AppError ? error.code : "not-app-error";
  }
  return undefined;
}

describe("assertValidKey", () => {
  it.each(["a", "cv/2024/resume.pdf", "a.b_c-d/E1", ".hidden/x", "a..b"])("accepts %s", (key) => {
    expect(codeOf(() => assertValidKey(key))).toBeUndefined();
  });

  it.each([
    ["empty", ""],
    ["leading slash", "/etc/passwd"],
    ["trailing slash", "a/"],
    ["dot-dot segment", "../secret"],
    ["inner dot-dot", "a/../../b"],
    ["dot segment", "a/./b"],
    ["empty segment", "a//b"],
    ["backslash", "a\\..\\b"],
    ["space", "a b"],
    ["percent-encoded traversal", "%2e%2e/x"],
    ["NUL byte", "a\u0000b"],
    ["non-ASCII", "résumé.pdf"],
    ["at sign (reserved for the disk layout)", "a@"],
    ["too long", "a".repeat(1025)],
    ["overlong segment", "a".repeat(251)],
  ])("rejects %s with BAD_REQUEST", (_label, key) => {
    expect(codeOf(() => assertValidKey(key))).toBe("BAD_REQUEST");
  });
});

describe("assertValidPrefix", () => {
  it("accepts a directory-style or partial prefix", () => {
    expect(codeOf(() => assertValidPrefix("users/12/"))).toBeUndefined();
    expect(codeOf(() => assertValidPrefix("users/1"))).toBeUndefined();
  });

  it.each(["", "/", "../", "a//", "a/../"])("rejects %j", (prefix) => {
    expect(codeOf(() => assertValidPrefix(prefix))).toBe("BAD_REQUEST");
  });
});

describe("assertValidContentType", () => {
  it.each([
    "application/pdf",
    "text/plain; charset=utf-8",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  ])("accepts %s", (type) => {
    expect(codeOf(() => assertValidContentType(type))).toBeUndefined();
  });

  it.each(["", "pdf", "text/", "text/plain\r\nX-Injected: 1", `a/${"b".repeat(300)}`])(
    "rejects %j",
    (type) => {
      expect(codeOf(() => assertValidContentType(type))).toBe("BAD_REQUEST");
    },
  );
});

describe("resolveExpiresIn", () => {
  it("defaults to 300 s and caps at 3600 s", () => {
    expect(resolveExpiresIn(undefined)).toBe(300);
    expect(resolveExpiresIn(60)).toBe(60);
    expect(resolveExpiresIn(86_400)).toBe(3600);
  });

  it.each([0, -5, 1.5, Number.NaN])("rejects %s", (value) => {
    expect(codeOf(() => resolveExpiresIn(value))).toBe("BAD_REQUEST");
  });
});

describe("assertValidUploadOptions", () => {
  const base = { contentType: "application/pdf", size: 10, maxSize: 10 };

  it("accepts size equal to maxSize", () => {
    expect(codeOf(() => assertValidUploadOptions(base))).toBeUndefined();
  });

  it("rejects size over maxSize with PAYLOAD_TOO_LARGE and says both numbers", () => {
    try {
      assertValidUploadOptions({ ...base, size: 11 });
      expect.unreachable();
    } catch (error) {
      expect((error as AppError).code).toBe("PAYLOAD_TOO_LARGE");
      expect((error as AppError).details).toEqual({ size: 11, maxSize: 10 });
    }
  });

  it.each([{ size: -1 }, { size: 1.5 }, { maxSize: Number.POSITIVE_INFINITY }, { contentType: "nonsense" }])(
    "rejects malformed options %j with BAD_REQUEST",
    (override) => {
      expect(codeOf(() => assertValidUploadOptions({ ...base, ...override }))).toBe("BAD_REQUEST");
    },
  );
});

describe("attachmentDisposition", () => {
  it("is a bare attachment without a name", () => {
    expect(attachmentDisposition(undefined)).toBe("attachment");
  });

  it("quotes ASCII names and escapes quotes", () => {
    expect(attachmentDisposition('my "cv".pdf')).toBe('attachment; filename="my \\"cv\\".pdf"');
  });

  it("encodes non-ASCII names per RFC 8187 with an ASCII fallback", () => {
    const header = attachmentDisposition("résumé 履歴書.pdf");
    expect(header).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    expect(header).toContain("%E5%B1%A5%E6%AD%B4%E6%9B%B8.pdf");
    expect(/^[\x20-\x7e]+$/.test(header)).toBe(true);
  });

  it("replaces path separators so the browser gets a base name", () => {
    expect(attachmentDisposition("../../etc/passwd")).toBe("attachment; filename=.._.._etc_passwd");
  });

  it("strips bidirectional overrides and other invisible format characters", () => {
    expect(attachmentDisposition("cv\u202efdp\u200b\u2066.md")).toBe("attachment; filename=cvfdp.md");
  });

  it.each(["", "\u202e", "a\r\nSet-Cookie: x=1", "a\u0000b", "x".repeat(256)])("rejects %j", (name) => {
    expect(codeOf(() => attachmentDisposition(name))).toBe("BAD_REQUEST");
  });
});

describe("normalizeBody", () => {
  it("encodes strings as UTF-8 and computes the length", () => {
    const body = normalizeBody("é", undefined);
    expect(body).toEqual({ kind: "bytes", bytes: Buffer.from([0xc3, 0xa9]) });
  });

  it("wraps a Uint8Array view without losing its offset", () => {
    const backing = new Uint8Array([1, 2, 3, 4]);
    const body = normalizeBody(backing.subarray(1, 3), 2);
    expect(body.kind === "bytes" && [...body.bytes]).toEqual([2, 3]);
  });

  it("rejects a declared length that differs from the bytes", () => {
    expect(codeOf(() => normalizeBody(Buffer.from("abc"), 4))).toBe("BAD_REQUEST");
  });

  it("requires a length for streams", () => {
    expect(codeOf(() => normalizeBody(Readable.from([Buffer.from("a")]), undefined))).toBe("BAD_REQUEST");
    expect(normalizeBody(Readable.from([Buffer.from("a")]), 1).kind).toBe("stream");
  });

  it("rejects a negative or fractional length", () => {
    expect(codeOf(() => normalizeBody("a", -1))).toBe("BAD_REQUEST");
    expect(codeOf(() => normalizeBody("a", 0.5))).toBe("BAD_REQUEST");
  });
});
