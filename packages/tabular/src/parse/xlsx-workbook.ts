import { inspectDocx, isDocumentError } from "@vitae/documents";
import yauzl from "yauzl";
import { TabularError } from "../errors";
import type { SheetInfo } from "./source";

/** Zip limits for workbooks: sheets are large, repetitive XML, so more bytes than a résumé, same ratio guard. */
export interface WorkbookLimits {
  maxEntries: number;
  maxUncompressedBytes: number;
  maxCompressionRatio: number;
}

/** Defaults for `WorkbookLimits`: a 200,000-row × 12-column sheet is 95 MB of XML (ratio 6.5), so the résumé limit of 100 MiB would refuse ordinary exports. */
export const defaultWorkbookLimits: Readonly<WorkbookLimits> = Object.freeze({
  maxEntries: 2000,
  maxUncompressedBytes: 1024 * 1024 * 1024,
  maxCompressionRatio: 200,
});

/**
 * Refuses zip bombs and malformed archives from the central directory alone, before anything is
 * inflated — the documents package's guard, with workbook-sized limits — translated to this package's codes.
 */
export async function inspectWorkbookZip(
  bytes: Uint8Array,
  limits: Partial<WorkbookLimits> = {},
): Promise<void> {
  const limit = { ...defaultWorkbookLimits, ...limits };
  try {
    await inspectDocx(bytes, { ...limit, ratioCheckMinBytes: 1024 * 1024 });
  } catch (error) {
    if (isDocumentError(error) && error.code === "ZIP_BOMB")
      throw new TabularError("ZIP_BOMB", undefined, { cause: error });
    throw new TabularError("MALFORMED_FILE", undefined, { cause: error });
  }
}

/** Small named entries (workbook.xml and its rels) as text, and where every entry's local record starts. */
interface ZipEntries {
  texts: Map<string, string>;
  localHeaderOffsets: Map<string, number>;
}

/** Reads small named entries with a size cap (never a sheet) and every entry's local header offset. */
function readEntries(bytes: Uint8Array, names: readonly string[], maxBytes: number): Promise<ZipEntries> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      { lazyEntries: true },
      (error, zip) => {
        if (error) return reject(error);
        const found = new Map<string, string>();
        const localHeaderOffsets = new Map<string, number>();
        zip.on("error", reject);
        zip.on("end", () => resolve({ texts: found, localHeaderOffsets }));
        zip.on("entry", (entry: yauzl.Entry) => {
          localHeaderOffsets.set(entry.fileName, entry.relativeOffsetOfLocalHeader);
          if (!names.includes(entry.fileName)) return zip.readEntry();
          if (entry.uncompressedSize > maxBytes) return reject(new Error(`${entry.fileName} too large`));
          zip.openReadStream(entry, (streamError, stream) => {
            if (streamError) return reject(streamError);
            const chunks: Buffer[] = [];
            stream.on("data", (chunk: Buffer) => chunks.push(chunk));
            stream.on("error", reject);
            stream.on("end", () => {
              found.set(entry.fileName, Buffer.concat(chunks).toString("utf8"));
              zip.readEntry();
            });
          });
        });
        zip.readEntry();
      },
    );
  });
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return match?.[1]
    ?.replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** A workbook's sheets (tab order) with the sheet file each one lives in, and its date system. */
export interface WorkbookDirectory {
  sheets: Array<SheetInfo & { fileNumber: string }>;
  date1904: boolean;
  /** Where each zip entry's local record starts, by entry name (see `worksheetsLast`). */
  localHeaderOffsets: ReadonlyMap<string, number>;
}

/** Lists sheets and the date system from `xl/workbook.xml` (the sheet XML itself is never read here). */
export async function readWorkbookDirectory(bytes: Uint8Array): Promise<WorkbookDirectory> {
  let entries: ZipEntries;
  try {
    entries = await readEntries(bytes, ["xl/workbook.xml", "xl/_rels/workbook.xml.rels"], 16 * 1024 * 1024);
  } catch (cause) {
    throw new TabularError("MALFORMED_FILE", undefined, { cause });
  }
  const workbook = entries.texts.get("xl/workbook.xml");
  const rels = entries.texts.get("xl/_rels/workbook.xml.rels") ?? "";
  if (!workbook)
    throw new TabularError("MALFORMED_FILE", undefined, { cause: new Error("no xl/workbook.xml") });
  const targets = new Map<string, string>();
  for (const tag of rels.match(/<Relationship\b[^>]*>/g) ?? []) {
    const id = attribute(tag, "Id");
    const number = /sheet(\d+)\.xml$/.exec(attribute(tag, "Target") ?? "")?.[1];
    if (id && number) targets.set(id, number);
  }
  const sheets = (workbook.match(/<(?:\w+:)?sheet\b[^>]*>/g) ?? []).map((tag, index) => ({
    name: attribute(tag, "name") ?? `Sheet${index + 1}`,
    index,
    isHidden: (attribute(tag, "state") ?? "visible") !== "visible",
    fileNumber: targets.get(attribute(tag, "r:id") ?? "") ?? String(index + 1),
  }));
  const workbookPr = /<(?:\w+:)?workbookPr\b[^>]*>/.exec(workbook)?.[0] ?? "";
  const date1904 = ["1", "true"].includes(attribute(workbookPr, "date1904") ?? "");
  return { sheets, date1904, localHeaderOffsets: entries.localHeaderOffsets };
}
