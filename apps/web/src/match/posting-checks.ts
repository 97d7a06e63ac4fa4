import { formatCount } from "../lib/format";

/** `postings.create`'s bound on the pasted text (docs/match-contracts.md); the server checks it too. */
export const postingTextMaxChars = 50_000;

/** Why the pasted text cannot be sent, in words; `undefined` when it can. */
export function postingTextProblem(text: string): string | undefined {
  if (text.trim().length === 0) return "Paste the text of the job posting.";
  if (text.length > postingTextMaxChars) {
    return `The posting is ${formatCount(text.length)} characters long; the limit is ${formatCount(postingTextMaxChars)}.`;
  }
  return undefined;
}
