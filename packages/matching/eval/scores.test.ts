import { describe, expect, it } from "vitest";
import { extractRequirements, type MatchProfile, scoreProfile } from "../src/index";
import { postings } from "./postings";
import { profiles } from "./profiles";

const today = new Date("2026-12-01T00:00:00Z");

// A regression guard for performance work on the scorer and the taxonomy: every labelled profile against
// every labelled posting must score exactly as recorded (score, statuses, evidence, breakdown). The
// snapshot was recorded before the taxonomy matcher was replaced by its first-character index.
describe("scores of the eval corpus", () => {
  it.each(postings.map((posting, index) => [index + 1, posting.text] as const))(
    "posting %i × every profile is unchanged",
    (_, text) => {
      const requirements = extractRequirements(text);
      const results = Object.values(profiles).map((profile) =>
        scoreProfile(profile as MatchProfile, requirements, { today }),
      );
      expect({ requirements, results }).toMatchSnapshot();
    },
  );
});
