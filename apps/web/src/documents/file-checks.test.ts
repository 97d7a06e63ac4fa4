import { describe, expect, it } from "vitest";
import { acceptAttribute, acceptedTypes, checkFile, extensionOf, uploadMaxBytesFor } from "./file-checks";

const mb = 1024 * 1024;
const cap = 5 * mb;

describe("checkFile", () => {
  it.each([
    ["cv.pdf", "application/pdf"],
    ["CV.PDF", "application/pdf"],
    ["résumé final.docx", acceptedTypes.docx],
    ["notes.md", "text/markdown"],
    ["notes.markdown", "text/markdown"],
    ["cv.txt", "text/plain"],
  ])("accepts %s and declares %s", (name, contentType) => {
    expect(checkFile({ name, size: 1000 }, cap)).toMatchObject({ isValid: true, contentType });
  });

  it("refuses old Word files with advice to convert", () => {
    const check = checkFile({ name: "cv.doc", size: 1000 }, cap);
    expect(check).toMatchObject({ isValid: false, code: "LEGACY_DOC" });
    if (!check.isValid) expect(check.message).toMatch(/\.docx or PDF/);
  });

  it.each(["cv.exe", "cv.pdf.exe", "cv.rtf", "photo.png", "README", "cv."])(
    "refuses %s by extension",
    (name) => {
      expect(checkFile({ name, size: 1000 }, cap)).toMatchObject({
        isValid: false,
        code: "UNSUPPORTED_TYPE",
      });
    },
  );

  it("refuses empty files", () => {
    expect(checkFile({ name: "cv.pdf", size: 0 }, cap)).toMatchObject({ isValid: false, code: "EMPTY_FILE" });
  });

  it("refuses files over the cap with both sizes in the message, and allows exactly the cap", () => {
    const check = checkFile({ name: "cv.pdf", size: 6.5 * mb }, cap);
    expect(check).toMatchObject({ isValid: false, code: "FILE_TOO_LARGE" });
    if (!check.isValid)
      expect(check.message).toBe(
        "This file is 6.5 MB; your plan accepts files up to 5 MB. Upload a smaller file.",
      );
    expect(checkFile({ name: "cv.pdf", size: cap }, cap).isValid).toBe(true);
  });

  it("refuses overlong names", () => {
    expect(checkFile({ name: `${"a".repeat(300)}.pdf`, size: 10 }, cap)).toMatchObject({
      isValid: false,
      code: "NAME_TOO_LONG",
    });
  });
});

describe("extensionOf", () => {
  it("reads the last extension in lower case, ignoring dotfiles", () => {
    expect(extensionOf("a.b.PDF")).toBe("pdf");
    expect(extensionOf(".pdf")).toBe("");
    expect(extensionOf("noext")).toBe("");
  });
});

describe("uploadMaxBytesFor", () => {
  it("uses the contract's per-plan defaults, free for unknown plans", () => {
    expect(uploadMaxBytesFor("free")).toBe(5_242_880);
    expect(uploadMaxBytesFor("pro")).toBe(26_214_400);
    expect(uploadMaxBytesFor("enterprise")).toBe(5_242_880);
    expect(uploadMaxBytesFor(null)).toBe(5_242_880);
  });
});

describe("acceptAttribute", () => {
  it("lists the extensions for the file picker", () => {
    expect(acceptAttribute.split(",")).toEqual(expect.arrayContaining([".pdf", ".docx", ".md", ".txt"]));
  });
});
