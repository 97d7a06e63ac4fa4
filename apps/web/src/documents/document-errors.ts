import { documentErrorMessages, isDocumentErrorCode } from "@vitae/contracts";

const genericFailure = "This document could not be processed. Try uploading it again.";

/** The sentence to show for a failed document: the contract's for a known code, else the server's message. */
export function documentErrorSentence(
  code: string | null | undefined,
  serverMessage?: string | null,
): string {
  if (isDocumentErrorCode(code)) return documentErrorMessages[code];
  return serverMessage !== null && serverMessage !== undefined && serverMessage.trim() !== ""
    ? serverMessage
    : genericFailure;
}
