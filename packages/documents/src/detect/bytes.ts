import { Buffer } from "node:buffer";

/** A Buffer view over the same memory (no copy), for fast `indexOf` scans. */
export function bufferView(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Whether `bytes` starts with `signature` at `offset`. */
export function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((byte, index) => bytes[offset + index] === byte);
}

/** The first offset of an ASCII marker within [from, to), or -1. */
export function indexOfAscii(bytes: Uint8Array, marker: string, from = 0, to = bytes.length): number {
  const view = bufferView(bytes).subarray(0, Math.min(to, bytes.length));
  return view.indexOf(marker, from, "latin1");
}

/** The last offset of an ASCII marker, or -1. */
export function lastIndexOfAscii(bytes: Uint8Array, marker: string): number {
  return bufferView(bytes).lastIndexOf(marker, undefined, "latin1");
}

/** Case-insensitive search for any of `markers` in a byte range (read as Latin-1). */
export function containsAnyMarker(
  bytes: Uint8Array,
  markers: readonly string[],
  from: number,
  to: number,
): boolean {
  const region = bufferView(bytes)
    .subarray(from, Math.min(to, bytes.length))
    .toString("latin1")
    .toLowerCase();
  return markers.some((marker) => region.includes(marker));
}
