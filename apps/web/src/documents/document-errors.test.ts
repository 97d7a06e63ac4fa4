import { documentErrorCodes, documentErrorMessages, isDocumentErrorCode } from "@vitae/contracts";
import { describe, expect, it } from "vitest";
import { documentErrorSentence } from "./document-errors";

// The closed list of docs/documents-contracts.md, written out again so a change to either side shows up.
const contractCodes = [
  "EMPTY_FILE",
  "FILE_TOO_LARGE",
  "UNSUPPORTED_TYPE",
  "TYPE_MISMATCH",
  "LEGACY_DOC",
  "POLYGLOT",
  "EXECUTABLE",
  "ZIP_BOMB",
  "MALFORMED_FILE",
  "ENCRYPTED_PDF",
  "NOT_UTF8",
  "NO_TEXT",
  "EXTRACTION_TIMEOUT",
  "EXTRACTION_LIMIT",
  "PARSE_FAILED",
  "STORAGE_MISSING",
];

describe("document error sentences", () => {
  it("cover exactly the contract's codes", () => {
    expect([...documentErrorCodes].sort()).toEqual([...contractCodes].sort());
    expect(Object.keys(documentErrorMessages).sort()).toEqual([...contractCodes].sort());
  });

  it.each(contractCodes)("say %s in a plain sentence without the code or jargon", (code) => {
    const sentence = documentErrorSentence(code);
    expect(sentence.length).toBeGreaterThan(20);
    expect(sentence).toMatch(/^[A-Z.]/);
    expect(sentence.trim().endsWith(".")).toBe(true);
    expect(sentence).not.toContain(code);
    expect(sentence).not.toMatch(/undefined|null|error code/i);
  });

  it("are all different, so each failure tells the user something specific", () => {
    const sentences = Object.values(documentErrorMessages);
    expect(new Set(sentences).size).toBe(sentences.length);
  });

  it("explain a scanned PDF and how to fix it", () => {
    expect(documentErrorSentence("NO_TEXT")).toBe(
      "This PDF has no selectable text — it looks scanned. Upload a text-based PDF or a DOCX.",
    );
  });

  it("fall back to the server's message, then to a generic sentence, for unknown codes", () => {
    expect(documentErrorSentence("SOMETHING_NEW", "The server says why.")).toBe("The server says why.");
    expect(documentErrorSentence("SOMETHING_NEW", " ")).toMatch(/could not be processed/);
    expect(documentErrorSentence(null)).toMatch(/could not be processed/);
    expect(isDocumentErrorCode("toString")).toBe(false);
  });
});
