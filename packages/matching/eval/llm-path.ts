import { proposeRephrasings, verifyChanges } from "../src/index";
import { fabrications, honest } from "./adversarial";
import { profiles } from "./profiles";

/**
 * The adversarial set as an LLM would send it: each fabricating or honest `replace` becomes the JSON a
 * rephrasing model answers (`{ changes: [{ path, value, reason, requirementIds }] }`) and goes through
 * `proposeRephrasings` — the product's LLM path, where `original` is read from the profile — then the
 * verifier. Reorders, removals and misquotes cannot be expressed by that prompt (the LLM names a path
 * and a text; the original is read from the profile), so they are not sent: a misquote's text alone is an
 * honest shortening.
 */
export async function evaluateLlmPath() {
  const profile = profiles.A;
  if (profile === undefined) throw new Error("profile A is part of the set");
  const replaces = fabrications.filter(
    (item) => item.change.action === "replace" && item.invents !== "misquoted original",
  );
  const reply = (changes: Array<{ path: string; value: unknown }>) => async () => ({
    changes: changes.map(({ path, value }) => ({ path, value, reason: "eval", requirementIds: [] })),
  });
  const proposed = await proposeRephrasings(profile, [], reply(replaces.map((item) => item.change)));
  const honestProposed = await proposeRephrasings(profile, [], reply(honest));
  const judged = verifyChanges(profile, proposed);
  const honestJudged = verifyChanges(profile, honestProposed);
  return {
    sent: replaces.length,
    proposed: proposed.length,
    passing: judged.accepted.map((change) => String(change.value)),
    honest: honest.length,
    honestRejected: honestJudged.rejected.map((item) => `${item.change.path}: ${item.code} ${item.detail}`),
  };
}
