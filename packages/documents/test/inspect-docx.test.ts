import { describe, expect, it } from "vitest";
import { contentTypesXml, writeZip } from "../fixtures/lib/zip-writer";
import { type DocumentError, inspectDocx } from "../src/index";
import { readFixture } from "./support/fixtures";

const bytes = (value: string) => Buffer.from(value);
const docxParts = [
  { name: "[Content_Types].xml", data: bytes(contentTypesXml) },
  { name: "word/document.xml", data: bytes("<w:document/>") },
];

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => {
      throw new Error("expected a DocumentError");
    },
    (caught: unknown) => caught as DocumentError,
  );
  return error.code;
}

describe("inspectDocx", () => {
  it("reports the central directory of a real DOCX without decompressing it", async () => {
    const inspection = await inspectDocx(readFixture("resumes", "marcus-lee.docx"));
    expect(inspection.isDocx).toBe(true);
    expect(inspection.entryCount).toBeGreaterThan(5);
    expect(inspection.uncompressedBytes).toBeGreaterThan(inspection.compressedBytes);
    expect(inspection.maxCompressionRatio).toBeGreaterThan(1);
    expect(inspection.maxCompressionRatio).toBeLessThan(100);
  });

  it("says a zip without the DOCX parts is not a DOCX", async () => {
    await expect(
      inspectDocx(writeZip([{ name: "word/document.xml", data: bytes("<x/>") }])),
    ).resolves.toMatchObject({ isDocx: false, entryCount: 1 });
  });

  it("refuses an extreme compression ratio, too many entries and too many declared bytes", async () => {
    await expect(codeOf(inspectDocx(readFixture("hostile", "zip-bomb.docx")))).resolves.toBe("ZIP_BOMB");
    const many = writeZip([
      ...docxParts,
      ...Array.from({ length: 30 }, (_, index) => ({ name: `word/media/${index}.bin`, data: bytes("x") })),
    ]);
    await expect(codeOf(inspectDocx(many, { maxEntries: 31 }))).resolves.toBe("ZIP_BOMB");
    await expect(inspectDocx(many, { maxEntries: 32 })).resolves.toMatchObject({ entryCount: 32 });
    const declared = writeZip([
      ...docxParts,
      { name: "word/big.xml", data: bytes("small"), declaredSize: 200 * 1024 * 1024 },
    ]);
    await expect(codeOf(inspectDocx(declared))).resolves.toBe("ZIP_BOMB");
  });

  it("tolerates a high ratio on small entries (XML compresses well)", async () => {
    const small = writeZip([...docxParts, { name: "word/styles.xml", data: Buffer.alloc(512 * 1024, 0x20) }]);
    const inspection = await inspectDocx(small);
    expect(inspection.maxCompressionRatio).toBeGreaterThan(100);
  });

  it("refuses truncated archives, unsafe names, duplicate names and encrypted entries as malformed", async () => {
    await expect(codeOf(inspectDocx(readFixture("hostile", "truncated.docx")))).resolves.toBe(
      "MALFORMED_FILE",
    );
    await expect(codeOf(inspectDocx(readFixture("hostile", "traversal.docx")))).resolves.toBe(
      "MALFORMED_FILE",
    );
    await expect(
      codeOf(inspectDocx(writeZip([...docxParts, { name: "/etc/passwd", data: bytes("x") }]))),
    ).resolves.toBe("MALFORMED_FILE");
    await expect(
      codeOf(inspectDocx(writeZip([...docxParts, { name: "word\\evil.xml", data: bytes("x") }]))),
    ).resolves.toBe("MALFORMED_FILE");
    await expect(codeOf(inspectDocx(writeZip([...docxParts, ...docxParts])))).resolves.toBe("MALFORMED_FILE");
    const encrypted = writeZip(docxParts);
    // Set the "encrypted" general-purpose flag bit on the first central directory record.
    const central = encrypted.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    encrypted[central + 8] = (encrypted[central + 8] ?? 0) | 0x01;
    await expect(codeOf(inspectDocx(encrypted))).resolves.toBe("MALFORMED_FILE");
    await expect(codeOf(inspectDocx(bytes("PK\u0003\u0004 not really a zip")))).resolves.toBe(
      "MALFORMED_FILE",
    );
  });
});
