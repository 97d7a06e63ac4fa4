import yauzl from "yauzl";
import { bufferView } from "../detect/bytes";
import { DocumentError } from "../errors";

/** Limits applied to the zip's central directory before anything is decompressed. */
export interface DocxLimits {
  /** Most entries accepted (default 1,000; a résumé has ~15–60). */
  maxEntries: number;
  /** Most total declared uncompressed bytes (default 100 MiB). */
  maxUncompressedBytes: number;
  /** Highest declared compression ratio of one entry (default 100)… */
  maxCompressionRatio: number;
  /** …for entries larger than this when uncompressed (default 1 MiB; small XML compresses well legitimately). */
  ratioCheckMinBytes: number;
}

export const defaultDocxLimits: Readonly<DocxLimits> = Object.freeze({
  maxEntries: 1000,
  maxUncompressedBytes: 100 * 1024 * 1024,
  maxCompressionRatio: 100,
  ratioCheckMinBytes: 1024 * 1024,
});

/** What the central directory declares. */
export interface DocxInspection {
  entryCount: number;
  compressedBytes: number;
  uncompressedBytes: number;
  /** Highest uncompressed/compressed ratio of any entry (0 for an empty archive). */
  maxCompressionRatio: number;
  /** Has both `[Content_Types].xml` and `word/document.xml`. */
  isDocx: boolean;
}

function openZip(bytes: Uint8Array): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      bufferView(bytes),
      // lazyEntries: walk the directory one record at a time so limits stop a huge one early;
      // strictFileNames: refuse backslashes; yauzl itself refuses absolute and "../" names.
      { lazyEntries: true, validateEntrySizes: true, strictFileNames: true, decodeStrings: true },
      (error, zip) => (error ? reject(error) : resolve(zip)),
    );
  });
}

function malformed(cause: unknown): DocumentError {
  return new DocumentError("MALFORMED_FILE", undefined, { cause });
}

/**
 * Reads a DOCX's zip central directory — no entry is decompressed — and refuses zip bombs
 * (`ZIP_BOMB`: too many entries, too many declared bytes, or an extreme compression ratio) and
 * malformed archives (`MALFORMED_FILE`: truncated, no central directory, unsafe or duplicate names,
 * encrypted entries). Declared sizes can lie; the extraction child re-checks actual sizes while it
 * inflates, under its memory limit.
 */
export async function inspectDocx(
  bytes: Uint8Array,
  limits: Partial<DocxLimits> = {},
): Promise<DocxInspection> {
  const limit = { ...defaultDocxLimits, ...limits };
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(bytes);
  } catch (error) {
    throw malformed(error);
  }
  if (zip.entryCount > limit.maxEntries) {
    zip.close();
    throw new DocumentError("ZIP_BOMB", undefined, { cause: new Error(`${zip.entryCount} entries`) });
  }
  return new Promise<DocxInspection>((resolve, reject) => {
    const names = new Set<string>();
    const inspection: DocxInspection = {
      entryCount: zip.entryCount,
      compressedBytes: 0,
      uncompressedBytes: 0,
      maxCompressionRatio: 0,
      isDocx: false,
    };
    const fail = (error: DocumentError) => {
      zip.close();
      reject(error);
    };
    zip.on("error", (error: unknown) => fail(malformed(error)));
    zip.on("entry", (entry: yauzl.Entry) => {
      if (names.has(entry.fileName)) return fail(malformed(new Error(`duplicate entry ${entry.fileName}`)));
      names.add(entry.fileName);
      if ((entry.generalPurposeBitFlag & 0x1) !== 0) return fail(malformed(new Error("encrypted entry")));
      inspection.compressedBytes += entry.compressedSize;
      inspection.uncompressedBytes += entry.uncompressedSize;
      const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
      inspection.maxCompressionRatio = Math.max(inspection.maxCompressionRatio, ratio);
      if (inspection.uncompressedBytes > limit.maxUncompressedBytes) {
        return fail(
          new DocumentError("ZIP_BOMB", undefined, { cause: new Error("declared size over limit") }),
        );
      }
      if (entry.uncompressedSize > limit.ratioCheckMinBytes && ratio > limit.maxCompressionRatio) {
        return fail(
          new DocumentError("ZIP_BOMB", undefined, { cause: new Error(`ratio ${ratio.toFixed(0)}`) }),
        );
      }
      zip.readEntry();
    });
    zip.on("end", () => {
      inspection.isDocx = names.has("[Content_Types].xml") && names.has("word/document.xml");
      zip.close();
      resolve(inspection);
    });
    zip.readEntry();
  });
}
