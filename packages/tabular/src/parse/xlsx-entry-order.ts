const endOfCentralDirectorySignature = 0x06054b50;
const endOfCentralDirectoryMinBytes = 22;
/** The zip comment after the end-of-central-directory record is at most 65,535 bytes. */
const endOfCentralDirectorySearchBytes = endOfCentralDirectoryMinBytes + 0xffff;
const zip64Marker = 0xffffffff;

const worksheetEntry = /^xl\/worksheets\/sheet\d+\.xml$/;

function centralDirectoryOffset(bytes: Buffer): number | undefined {
  const lowest = Math.max(0, bytes.length - endOfCentralDirectorySearchBytes);
  for (let at = bytes.length - endOfCentralDirectoryMinBytes; at >= lowest; at -= 1) {
    if (bytes.readUInt32LE(at) !== endOfCentralDirectorySignature) continue;
    const offset = bytes.readUInt32LE(at + 16);
    return offset === zip64Marker ? undefined : offset;
  }
  return undefined;
}

/**
 * The workbook's local file records (header, compressed data, descriptor — copied, never re-inflated)
 * with every worksheet moved after the other entries, as chunks for a streaming zip reader.
 *
 * ExcelJS's streaming reader parses a sheet the moment it meets it once shared strings and the workbook
 * relationships are known, and then reads the sheet list, date system and styles it may not have met
 * yet: a valid workbook that stores `xl/workbook.xml` or `xl/styles.xml` after its sheets (ExcelJS's
 * own writer sometimes does) fails or loses its date formats. Reading the records in the order Excel
 * writes them makes the result independent of the writer. `localHeaderOffsets` comes from the central
 * directory; a zip64 or unreadable archive is returned unchanged.
 */
export function worksheetsLast(bytes: Buffer, localHeaderOffsets: ReadonlyMap<string, number>): Buffer[] {
  const end = centralDirectoryOffset(bytes);
  if (end === undefined || end > bytes.length) return [bytes];
  const records = [...localHeaderOffsets]
    .map(([name, start]) => ({ name, start }))
    .sort((a, b) => a.start - b.start)
    .map((record, index, sorted) => ({ ...record, end: sorted[index + 1]?.start ?? end }));
  if (records.some((record) => record.end < record.start || record.end > end)) return [bytes];
  const isSheet = (name: string) => worksheetEntry.test(name);
  return [
    ...records.filter((record) => !isSheet(record.name)),
    ...records.filter((record) => isSheet(record.name)),
  ].map((record) => bytes.subarray(record.start, record.end));
}
