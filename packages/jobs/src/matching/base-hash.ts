import { createHash } from "node:crypto";
import type { MatchProfile } from "@vitae/matching";

/**
 * The fingerprint of a profile's content as tailoring sees it (facts with their ids, in order, and the
 * attested skills): a tailoring proposed against one base may only be confirmed while the profile still
 * hashes the same. Any correction, re-parse or new attestation changes it.
 */
export function profileBaseHash(profile: MatchProfile): string {
  return createHash("sha256").update(JSON.stringify(profile)).digest("hex");
}
