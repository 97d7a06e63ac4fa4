import { describe, expect, it } from "vitest";
import { resumeFormats } from "../fixtures/generate";
import { hostileFixtures } from "../fixtures/lib/hostile";
import { resumeSources } from "../fixtures/lib/resume-sources";
import { writeZip } from "../fixtures/lib/zip-writer";
import { DocumentError, detectDocumentType, documentErrorCodes, isDocumentError } from "../src/index";
import { readFixture } from "./support/fixtures";

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(isDocumentError(error)).toBe(true);
    return (error as DocumentError).code;
  }
  throw new Error("expected a DocumentError");
}

const text = (value: string) => new TextEncoder().encode(value);
const resume =
  "Ana Souza\nSenior Backend Engineer\nExperience: Go, Kubernetes, PostgreSQL at Tidewater Payments\n";

describe("detectDocumentType: the résumé corpus", () => {
  const cases = resumeSources.flatMap((source) => [
    [resumeFormats.pdfkit(source.id), "pdf", "application/pdf"],
    [resumeFormats.pdfLib(source.id), "pdf", "application/pdf"],
    [
      resumeFormats.docx(source.id),
      "docx",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ],
    [resumeFormats.md(source.id), "md", "text/markdown"],
    [resumeFormats.txt(source.id), "txt", "text/plain"],
  ]);

  it.each(cases)("%s is %s", async (file, kind, mime) => {
    await expect(detectDocumentType(readFixture("resumes", file), { filename: file })).resolves.toEqual({
      kind,
      mime,
    });
  });

  it("decides by content when there is no file name or a generic declared type", async () => {
    const pdf = readFixture("resumes", "ana-souza.pdfkit.pdf");
    await expect(detectDocumentType(pdf)).resolves.toMatchObject({ kind: "pdf" });
    await expect(
      detectDocumentType(pdf, { filename: "resume", declaredType: "application/octet-stream" }),
    ).resolves.toMatchObject({ kind: "pdf" });
    await expect(detectDocumentType(text(resume), { declaredType: "" })).resolves.toMatchObject({
      kind: "txt",
    });
  });

  it("lets the name choose between Markdown and text, and accepts a declared text type for either", async () => {
    await expect(
      detectDocumentType(text(resume), { filename: "cv.markdown", declaredType: "text/plain" }),
    ).resolves.toMatchObject({ kind: "md" });
    await expect(
      detectDocumentType(text(resume), { filename: "cv.TXT", declaredType: "text/markdown; charset=utf-8" }),
    ).resolves.toMatchObject({ kind: "txt" });
  });

  it("accepts UTF-8 text with a BOM and text whose first bytes spell a weak magic number", async () => {
    await expect(
      detectDocumentType(new Uint8Array([0xef, 0xbb, 0xbf, ...text(resume)]), { filename: "a.txt" }),
    ).resolves.toMatchObject({ kind: "txt" });
    await expect(
      detectDocumentType(text(`BM engineer résumé\n${resume}`), { filename: "a.txt" }),
    ).resolves.toMatchObject({ kind: "txt" });
  });
});

describe("detectDocumentType: the hostile corpus", () => {
  it.each(hostileFixtures.filter((fixture) => fixture.stage === "detect"))(
    "$file → $code ($why)",
    async ({ file, code }) => {
      await expect(
        codeOf(detectDocumentType(readFixture("hostile", file), { filename: file, maxBytes: 1024 * 1024 })),
      ).resolves.toBe(code);
    },
  );

  it.each(hostileFixtures.filter((fixture) => fixture.stage === "extract"))(
    "$file passes detection (refused later)",
    async ({ file }) => {
      await expect(
        detectDocumentType(readFixture("hostile", file), { filename: file }),
      ).resolves.toBeDefined();
    },
  );

  it("uses only codes of the closed list", () => {
    for (const fixture of hostileFixtures) expect(documentErrorCodes).toContain(fixture.code);
  });
});

describe("detectDocumentType: rules", () => {
  const pdf = readFixture("resumes", "ana-souza.pdfkit.pdf");
  const docx = readFixture("resumes", "ana-souza.docx");

  it("refuses a name or a declared type that contradicts the content", async () => {
    await expect(codeOf(detectDocumentType(pdf, { filename: "resume.docx" }))).resolves.toBe("TYPE_MISMATCH");
    await expect(codeOf(detectDocumentType(pdf, { filename: "resume.exe" }))).resolves.toBe("TYPE_MISMATCH");
    await expect(codeOf(detectDocumentType(docx, { filename: "resume.pdf" }))).resolves.toBe("TYPE_MISMATCH");
    await expect(codeOf(detectDocumentType(text(resume), { filename: "resume.pdf" }))).resolves.toBe(
      "TYPE_MISMATCH",
    );
    await expect(
      codeOf(detectDocumentType(pdf, { filename: "resume.pdf", declaredType: "text/plain" })),
    ).resolves.toBe("TYPE_MISMATCH");
    await expect(codeOf(detectDocumentType(docx, { declaredType: "application/pdf" }))).resolves.toBe(
      "TYPE_MISMATCH",
    );
  });

  it("checks size before anything else, and treats whitespace-only text as empty", async () => {
    await expect(codeOf(detectDocumentType(pdf, { maxBytes: pdf.length - 1 }))).resolves.toBe(
      "FILE_TOO_LARGE",
    );
    await expect(detectDocumentType(pdf, { maxBytes: pdf.length })).resolves.toMatchObject({ kind: "pdf" });
    await expect(codeOf(detectDocumentType(text(" \n\t\n"), { filename: "a.txt" }))).resolves.toBe(
      "EMPTY_FILE",
    );
  });

  it("refuses NUL bytes, control-heavy text and invalid UTF-8", async () => {
    await expect(codeOf(detectDocumentType(text(`${resume}\u0000`), { filename: "a.txt" }))).resolves.toBe(
      "NOT_UTF8",
    );
    await expect(
      codeOf(detectDocumentType(text(`${resume}${"\u0001\u0002\u0003".repeat(5)}`), { filename: "a.md" })),
    ).resolves.toBe("NOT_UTF8");
    await expect(
      codeOf(detectDocumentType(new Uint8Array([...text(resume), 0xc3, 0x28]), { filename: "a.txt" })),
    ).resolves.toBe("NOT_UTF8");
  });

  it("refuses Mach-O, WebAssembly and a BOM-prefixed shebang as executables", async () => {
    for (const bytes of [
      [0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1],
      [0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0],
      [0xef, 0xbb, 0xbf, 0x23, 0x21, 0x2f],
    ]) {
      await expect(
        codeOf(detectDocumentType(new Uint8Array([...bytes, ...text(resume)]), { filename: "x.txt" })),
      ).resolves.toBe("EXECUTABLE");
    }
  });

  it("refuses PDF polyglots: script after %%EOF, a large trailing payload, markup in the header", async () => {
    const withTail = (tail: string) => new Uint8Array([...pdf, ...text(tail)]);
    await expect(codeOf(detectDocumentType(withTail("\n<script>alert(1)</script>")))).resolves.toBe(
      "POLYGLOT",
    );
    await expect(codeOf(detectDocumentType(withTail(`\n${"A".repeat(2048)}`)))).resolves.toBe("POLYGLOT");
    await expect(detectDocumentType(withTail("\n\n  \n"))).resolves.toMatchObject({ kind: "pdf" });
    const header = text("%PDF-1.4\n<html><body>hi</body></html>\n");
    await expect(codeOf(detectDocumentType(new Uint8Array([...header, ...pdf.subarray(9)])))).resolves.toBe(
      "POLYGLOT",
    );
  });

  it("refuses markup hidden in a DOCX's zip comment", async () => {
    const zip = writeZip(
      [
        { name: "[Content_Types].xml", data: text("<Types/>") },
        { name: "word/document.xml", data: text("<w:document/>") },
      ],
      "<script>x()</script>",
    );
    await expect(codeOf(detectDocumentType(zip, { filename: "a.docx" }))).resolves.toBe("POLYGLOT");
  });

  it("refuses a zip that is not a DOCX as unsupported when the name claims nothing", async () => {
    await expect(
      codeOf(detectDocumentType(readFixture("hostile", "not-docx.docx"), { filename: "archive.zip" })),
    ).resolves.toBe("UNSUPPORTED_TYPE");
  });

  it("keeps error messages free of paths and library internals, with the cause kept for logs", async () => {
    try {
      await detectDocumentType(readFixture("hostile", "traversal.docx"), { filename: "traversal.docx" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DocumentError);
      expect((error as DocumentError).message).not.toMatch(/passwd|\.\.\//);
      expect(String(((error as DocumentError).cause as Error).message)).toContain("../../etc/passwd");
    }
  });
});
