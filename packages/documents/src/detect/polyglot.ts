import { bufferView, containsAnyMarker, indexOfAscii, lastIndexOfAscii } from "./bytes";

// Markup and script that a browser, a shell or PHP would act on if the file were served or opened as such.
const activeMarkers = [
  "<html",
  "<!doctype",
  "<script",
  "<svg",
  "<?php",
  "<iframe",
  "<body",
  "<object",
  "<embed",
];

// Real producers end a PDF with "%%EOF" and at most a few bytes of padding; a payload appended after the
// last "%%EOF" is how PDF/ZIP/HTML polyglots are usually built.
const maxTrailingBytes = 1024;

function trailingPayloadLength(bytes: Uint8Array, from: number): number {
  const tail = bufferView(bytes).subarray(from);
  let length = 0;
  for (const byte of tail) {
    // Whitespace and NUL padding are harmless.
    if (byte !== 0x00 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x20) length += 1;
  }
  return length;
}

/**
 * Why a file that starts as a PDF also parses as something else, or `null`.
 * Checks: an embedded zip archive (local header and end-of-central-directory record), markup or script
 * in the first KiB, and a payload after the last "%%EOF".
 */
export function pdfPolyglotReason(bytes: Uint8Array): string | null {
  if (indexOfAscii(bytes, "PK\x03\x04") !== -1 && indexOfAscii(bytes, "PK\x05\x06") !== -1) {
    return "a zip archive is embedded in the PDF";
  }
  if (containsAnyMarker(bytes, activeMarkers, 0, 1024)) return "markup or script in the PDF header";
  const eof = lastIndexOfAscii(bytes, "%%EOF");
  if (eof !== -1) {
    const after = eof + "%%EOF".length;
    if (containsAnyMarker(bytes, activeMarkers, after, bytes.length)) return "markup or script after %%EOF";
    if (trailingPayloadLength(bytes, after) > maxTrailingBytes) return "a payload after %%EOF";
  }
  return null;
}

/**
 * Why a file that starts as a zip also parses as something else, or `null`: a PDF inside (header and
 * trailer both present), or markup/script in the first KiB or in the archive comment.
 */
export function zipPolyglotReason(bytes: Uint8Array): string | null {
  const pdfHeader = indexOfAscii(bytes, "%PDF-");
  if (pdfHeader !== -1 && lastIndexOfAscii(bytes, "%%EOF") > pdfHeader) return "a PDF is embedded in the zip";
  if (containsAnyMarker(bytes, activeMarkers, 0, 1024)) return "markup or script at the start of the zip";
  const endOfDirectory = lastIndexOfAscii(bytes, "PK\x05\x06");
  if (endOfDirectory !== -1 && containsAnyMarker(bytes, activeMarkers, endOfDirectory + 22, bytes.length)) {
    return "markup or script in the zip comment";
  }
  return null;
}
