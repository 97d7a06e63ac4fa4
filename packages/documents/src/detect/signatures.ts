import { indexOfAscii, startsWith } from "./bytes";

// Windows PE ("MZ"), ELF, Mach-O (32/64-bit, both byte orders), fat Mach-O / Java class (CAFEBABE),
// WebAssembly, and scripts with a shebang — all refused whatever the file is called.
const executableSignatures: readonly (readonly number[])[] = [
  [0x4d, 0x5a],
  [0x7f, 0x45, 0x4c, 0x46],
  [0xfe, 0xed, 0xfa, 0xce],
  [0xfe, 0xed, 0xfa, 0xcf],
  [0xce, 0xfa, 0xed, 0xfe],
  [0xcf, 0xfa, 0xed, 0xfe],
  [0xca, 0xfe, 0xba, 0xbe],
  [0x00, 0x61, 0x73, 0x6d],
];

const utf8Bom = [0xef, 0xbb, 0xbf] as const;

/** Native executables, WebAssembly and shebang scripts (also behind a UTF-8 BOM). */
export function isExecutable(bytes: Uint8Array): boolean {
  if (executableSignatures.some((signature) => startsWith(bytes, signature))) return true;
  return startsWith(bytes, [0x23, 0x21]) || startsWith(bytes, [...utf8Bom, 0x23, 0x21]);
}

/** OLE Compound File Binary: legacy .doc/.xls, and password-protected Office files. */
export function isOleCompoundFile(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
}

/** A zip local file header at offset 0 (DOCX is a zip). */
export function isZip(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]);
}

/** Where "%PDF-" starts within the first KiB (readers accept a header anywhere there), or -1. */
export function pdfHeaderOffset(bytes: Uint8Array): number {
  return indexOfAscii(bytes, "%PDF-", 0, 1024);
}
