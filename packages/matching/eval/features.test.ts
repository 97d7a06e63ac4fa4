import { describe, expect, it } from "vitest";
import {
  extractRequirements,
  isMatchFeatures,
  type MatchProfile,
  matchFeaturesOf,
  matchFeaturesVersion,
  parseMatchFeatures,
  scoreMatchFeatures,
  scoreProfile,
} from "../src/index";
import { postings } from "./postings";
import { profiles } from "./profiles";

const today = new Date("2026-12-01T00:00:00Z");
const attestations = [{ id: "att-1", skill: "Snowflake" }, { skill: "Fluent German" }, { skill: "CKA" }];

// Rankings score stored features instead of profiles: any difference from `scoreProfile` is a bug.
describe("scoreMatchFeatures", () => {
  it.each(postings.map((posting, index) => [index + 1, posting.text] as const))(
    "posting %i: stored features (through JSON) score every profile exactly as the profile does",
    (_, text) => {
      const requirements = extractRequirements(text);
      for (const profile of Object.values(profiles) as MatchProfile[]) {
        for (const attested of [[], attestations]) {
          const features = JSON.parse(JSON.stringify(matchFeaturesOf(profile)));
          expect(isMatchFeatures(features)).toBe(true);
          expect(
            scoreMatchFeatures({ id: profile.id, features, attestations: attested }, requirements, { today }),
          ).toEqual(scoreProfile({ ...profile, attestations: attested }, requirements, { today }));
        }
      }
    },
  );

  it("ignores the profile's attestations when computing features: they are added when scoring", () => {
    const profile = Object.values(profiles)[0] as MatchProfile;
    expect(matchFeaturesOf({ ...profile, attestations })).toEqual(matchFeaturesOf(profile));
  });
});

describe("isMatchFeatures", () => {
  it("refuses features of another version and what is not features at all", () => {
    const features = matchFeaturesOf(Object.values(profiles)[0] as MatchProfile);
    expect(isMatchFeatures({ ...features, version: `${matchFeaturesVersion}-old` })).toBe(false);
    expect(isMatchFeatures({ version: matchFeaturesVersion })).toBe(false);
    expect(isMatchFeatures(null)).toBe(false);
    expect(isMatchFeatures("features")).toBe(false);
  });
});

describe("parseMatchFeatures", () => {
  it("reads stored JSON text back as features, and refuses other versions, other shapes and non-JSON", () => {
    const features = matchFeaturesOf(Object.values(profiles)[0] as MatchProfile);
    expect(parseMatchFeatures(JSON.stringify(features))).toEqual(features);
    expect(parseMatchFeatures(JSON.stringify({ ...features, version: "facts-1" }))).toBeUndefined();
    expect(parseMatchFeatures(JSON.stringify({ version: matchFeaturesVersion }))).toBeUndefined();
    expect(parseMatchFeatures("{not json")).toBeUndefined();
    expect(parseMatchFeatures("null")).toBeUndefined();
  });
});
