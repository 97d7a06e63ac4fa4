import { createHash } from "node:crypto";
import { normaliseName } from "./normalize";

/**
 * A stable fingerprint of a header set: each header normalised (case, accents, separators, common
 * abbreviations), empty ones dropped, sorted, joined and hashed (SHA-256, hex). Column order, case and
 * spacing do not change it, so next month's export of the same report finds its remembered mapping.
 */
export function fingerprintHeaders(headers: readonly string[]): string {
  const names = headers
    .map((header) => normaliseName(header))
    .filter((name) => name.length > 0)
    .sort();
  return createHash("sha256")
    .update(`tabular-headers-v1\u0000${names.join("\u0000")}`)
    .digest("hex");
}
