import { AppError } from "@vitae/errors";
import { describe, expect, it } from "vitest";
import {
  type DiskSignedFields,
  type DiskSignedRequest,
  signedQuery,
  verifyDiskSignedRequest,
} from "./disk-signing";

const secret = "s".repeat(32);
const now = new Date("2026-01-01T00:00:00Z");
const nowSeconds = now.getTime() / 1000;

const putFields: DiskSignedFields = {
  operation: "put",
  key: "cv/alice.pdf",
  expiresAtSeconds: nowSeconds + 300,
  contentType: "application/pdf",
  size: 100,
};

function queryOf(params: URLSearchParams): Record<string, string> {
  return Object.fromEntries(params);
}

function putRequest(overrides: Partial<DiskSignedRequest> = {}): DiskSignedRequest {
  return {
    method: "PUT",
    key: putFields.key,
    query: queryOf(signedQuery(secret, putFields)),
    headers: { "content-type": "application/pdf", "content-length": "100" },
    now,
    ...overrides,
  };
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof AppError ? error.code : "not-app-error";
  }
  return undefined;
}

describe("verifyDiskSignedRequest for uploads", () => {
  it("returns the grant for a request that matches the signature", () => {
    expect(verifyDiskSignedRequest(secret, putRequest())).toEqual({
      operation: "put",
      key: "cv/alice.pdf",
      contentType: "application/pdf",
      size: 100,
      expiresAt: new Date((nowSeconds + 300) * 1000),
    });
  });

  it("accepts a chunked upload that declares no length (the size is enforced while streaming)", () => {
    const request = putRequest({
      headers: { "content-type": "application/pdf", "transfer-encoding": "chunked" },
    });
    expect(verifyDiskSignedRequest(secret, request).operation).toBe("put");
  });

  it("is valid up to and including the expiry second, expired after it", () => {
    const atExpiry = new Date((nowSeconds + 300) * 1000 + 999);
    expect(codeOf(() => verifyDiskSignedRequest(secret, putRequest({ now: atExpiry })))).toBeUndefined();
    const after = new Date((nowSeconds + 301) * 1000);
    expect(codeOf(() => verifyDiskSignedRequest(secret, putRequest({ now: after })))).toBe(
      "SIGNATURE_EXPIRED",
    );
  });

  it("refuses a signature with one character changed", () => {
    const query = queryOf(signedQuery(secret, putFields));
    const sig = query.sig ?? "";
    query.sig = `${sig.startsWith("A") ? "B" : "A"}${sig.slice(1)}`;
    expect(codeOf(() => verifyDiskSignedRequest(secret, putRequest({ query })))).toBe("SIGNATURE_INVALID");
  });

  it.each([
    ["a larger size", { size: "1000000" }],
    ["another content type", { ct: "text/html" }],
    ["a later expiry", { exp: String(nowSeconds + 3600) }],
    ["the download operation", { op: "get" }],
    ["an empty signature", { sig: "" }],
    ["no signature", { sig: undefined }],
    ["a non-numeric expiry", { exp: "soon" }],
  ])("refuses a link with %s", (_label, change) => {
    const query: Record<string, string | undefined> = {
      ...queryOf(signedQuery(secret, putFields)),
      ...change,
    };
    expect(codeOf(() => verifyDiskSignedRequest(secret, putRequest({ query })))).toBe("SIGNATURE_INVALID");
  });

  it("refuses an expired link whose signature was tampered with as invalid, not expired", () => {
    const query = { ...queryOf(signedQuery(secret, putFields)), size: "1" };
    const later = new Date((nowSeconds + 10_000) * 1000);
    expect(codeOf(() => verifyDiskSignedRequest(secret, putRequest({ query, now: later })))).toBe(
      "SIGNATURE_INVALID",
    );
  });

  it("refuses another key, another secret, or a repeated parameter", () => {
    expect(codeOf(() => verifyDiskSignedRequest(secret, putRequest({ key: "cv/bob.pdf" })))).toBe(
      "SIGNATURE_INVALID",
    );
    expect(codeOf(() => verifyDiskSignedRequest("t".repeat(32), putRequest()))).toBe("SIGNATURE_INVALID");
    const query = { ...queryOf(signedQuery(secret, putFields)), ct: ["application/pdf", "text/html"] };
    expect(codeOf(() => verifyDiskSignedRequest(secret, putRequest({ query })))).toBe("SIGNATURE_INVALID");
  });

  it("refuses traversal keys before checking anything else", () => {
    expect(codeOf(() => verifyDiskSignedRequest(secret, putRequest({ key: "../etc/passwd" })))).toBe(
      "SIGNATURE_INVALID",
    );
  });

  it("refuses a GET on an upload link and methods other than GET and PUT", () => {
    expect(codeOf(() => verifyDiskSignedRequest(secret, putRequest({ method: "GET" })))).toBe(
      "SIGNATURE_INVALID",
    );
    expect(codeOf(() => verifyDiskSignedRequest(secret, putRequest({ method: "DELETE" })))).toBe(
      "METHOD_NOT_SUPPORTED",
    );
  });

  it("refuses a different or missing content type with UNSUPPORTED_MEDIA_TYPE", () => {
    for (const headers of [
      { "content-type": "text/html", "content-length": "100" },
      { "content-type": "application/pdf; charset=utf-8", "content-length": "100" },
      { "content-length": "100" },
    ]) {
      expect(codeOf(() => verifyDiskSignedRequest(secret, putRequest({ headers })))).toBe(
        "UNSUPPORTED_MEDIA_TYPE",
      );
    }
  });

  it("refuses a declared length above the signed size with PAYLOAD_TOO_LARGE, below it with BAD_REQUEST", () => {
    const big = { "content-type": "application/pdf", "content-length": "101" };
    expect(codeOf(() => verifyDiskSignedRequest(secret, putRequest({ headers: big })))).toBe(
      "PAYLOAD_TOO_LARGE",
    );
    const small = { "content-type": "application/pdf", "content-length": "99" };
    expect(codeOf(() => verifyDiskSignedRequest(secret, putRequest({ headers: small })))).toBe("BAD_REQUEST");
    const junk = { "content-type": "application/pdf", "content-length": "1e3" };
    expect(codeOf(() => verifyDiskSignedRequest(secret, putRequest({ headers: junk })))).toBe("BAD_REQUEST");
  });
});

describe("verifyDiskSignedRequest for downloads", () => {
  const getFields: DiskSignedFields = {
    operation: "get",
    key: "cv/alice.pdf",
    expiresAtSeconds: nowSeconds + 60,
    filename: "Alice CV.pdf",
  };
  const request = (query: Record<string, unknown>): DiskSignedRequest => ({
    method: "GET",
    key: getFields.key,
    query,
    headers: {},
    now,
  });

  it("returns the grant with the signed file name", () => {
    expect(verifyDiskSignedRequest(secret, request(queryOf(signedQuery(secret, getFields))))).toEqual({
      operation: "get",
      key: "cv/alice.pdf",
      filename: "Alice CV.pdf",
      expiresAt: new Date((nowSeconds + 60) * 1000),
    });
  });

  it("refuses a changed file name or an added content type", () => {
    const signed = queryOf(signedQuery(secret, getFields));
    expect(codeOf(() => verifyDiskSignedRequest(secret, request({ ...signed, fn: "evil.html" })))).toBe(
      "SIGNATURE_INVALID",
    );
    expect(codeOf(() => verifyDiskSignedRequest(secret, request({ ...signed, ct: "text/html" })))).toBe(
      "SIGNATURE_INVALID",
    );
  });

  it("refuses a PUT on a download link", () => {
    const signed = queryOf(signedQuery(secret, getFields));
    expect(codeOf(() => verifyDiskSignedRequest(secret, { ...request(signed), method: "PUT" }))).toBe(
      "SIGNATURE_INVALID",
    );
  });
});
