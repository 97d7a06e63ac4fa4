import { documentErrorCodes, documentErrorMessages, isDocumentErrorCode } from "@vitae/contracts";
import { describe, expect, it } from "vitest";
import { documentErrorSentence } from "./document-errors";

describe("document error sentences", () => {
  it.each([...documentErrorCodes])("say %s in a plain sentence without the code or jargon", (code) => {
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
