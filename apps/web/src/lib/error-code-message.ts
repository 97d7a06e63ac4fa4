import { defaultMessageFor, isAppErrorCode } from "@vitae/contracts";

/** Plain words for a stable error code from the server; `null` for codes this build does not know. */
export function errorCodeMessage(code: string | null): string | null {
  return code !== null && isAppErrorCode(code) ? defaultMessageFor(code) : null;
}
