import type { MatchStatus, RequirementKind, RequirementWeight } from "../src/index";

/**
 * A labelled requirement. `tech` stands for `skill` or `tool` (the split follows the taxonomy category,
 * so the label only names the technology, in any spelling the taxonomy knows). Typed kinds match on
 * `canonical` (years also on `minYears`); `responsibility` and untyped skills match when the extracted
 * text contains `quote`.
 */
export interface GoldRequirement {
  key: string;
  kind: Exclude<RequirementKind, "skill" | "tool"> | "tech" | "skill-text";
  weight: RequirementWeight;
  canonical?: string | null;
  quote?: string;
  minYears?: number;
}

export interface LabelledPosting {
  id: string;
  split: "dev" | "test";
  text: string;
  requirements: GoldRequirement[];
  /** Profile id → requirement key → status. */
  statuses: Record<string, Record<string, MatchStatus>>;
}

export const t = (key: string, weight: RequirementWeight, canonical = key): GoldRequirement => ({
  key,
  kind: "tech",
  weight,
  canonical,
});
export const duty = (key: string, quote: string): GoldRequirement => ({
  key,
  kind: "responsibility",
  weight: "nice",
  quote,
});
export const years = (
  key: string,
  weight: RequirementWeight,
  minYears: number,
  canonical: string | null = null,
) => ({ key, kind: "years", weight, minYears, canonical }) as GoldRequirement;
export const degree = (key: string, canonical: string): GoldRequirement => ({
  key,
  kind: "degree",
  weight: "must",
  canonical,
});
export const language = (key: string, weight: RequirementWeight, canonical: string): GoldRequirement => ({
  key,
  kind: "language",
  weight,
  canonical,
});
export const cert = (key: string, weight: RequirementWeight, canonical: string): GoldRequirement => ({
  key,
  kind: "certification",
  weight,
  canonical,
});
