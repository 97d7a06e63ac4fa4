import type { ImportRecord } from "@vitae/db";
import type { ObjectStore } from "@vitae/storage";
import { openCsv, openXlsx, type TabularSource } from "@vitae/tabular";

const zipMagic = [0x50, 0x4b, 0x03, 0x04];

async function* streamOf(storage: ObjectStore, key: string): AsyncIterable<Uint8Array> {
  yield* await storage.getStream(key);
}

/** True when the object starts like a zip (an XLSX): decided by content, never by name or MIME. */
async function isZip(storage: ObjectStore, key: string): Promise<boolean> {
  const stream = await storage.getStream(key);
  const head: number[] = [];
  try {
    for await (const chunk of stream as AsyncIterable<Uint8Array>) {
      head.push(...chunk.subarray(0, zipMagic.length - head.length));
      if (head.length >= zipMagic.length) break;
    }
  } finally {
    stream.destroy();
  }
  return zipMagic.every((byte, index) => head[index] === byte);
}

/**
 * Opens an import's upload as a tabular source: a zip is read whole as XLSX (a zip needs its central
 * directory; bounded by the plan's size cap, and `openXlsx` inspects it for zip bombs before inflating
 * anything), anything else is streamed and sniffed as CSV. `sheet` picks the sheet the analysis chose.
 */
export async function openImportSource(
  storage: ObjectStore,
  record: Pick<ImportRecord, "uploadKey">,
  options: { sheet?: string | undefined } = {},
): Promise<TabularSource> {
  if (await isZip(storage, record.uploadKey)) {
    const bytes = await storage.get(record.uploadKey);
    return openXlsx(bytes, options.sheet === undefined ? {} : { sheet: options.sheet });
  }
  return openCsv(() => streamOf(storage, record.uploadKey));
}
