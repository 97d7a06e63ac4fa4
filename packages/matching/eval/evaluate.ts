import { normalizeTechnology } from "@vitae/taxonomy";
import { extractRequirements, type Requirement, scoreProfile, verifyChanges } from "../src/index";
import { fabrications, honest } from "./adversarial";
import type { GoldRequirement, LabelledPosting } from "./postings";
import { postings } from "./postings";
import { profiles } from "./profiles";

/** "Present" in the labelled profiles. */
export const evaluationDay = new Date("2026-12-01T00:00:00Z");

const canonicalTech = (name: string) => normalizeTechnology(name)?.name ?? name;
const lower = (value: string | null | undefined) => (value ?? "").toLowerCase();

function matches(gold: GoldRequirement, predicted: Requirement): boolean {
  switch (gold.kind) {
    case "tech":
      return (
        (predicted.kind === "skill" || predicted.kind === "tool") &&
        predicted.canonical === canonicalTech(gold.canonical ?? "")
      );
    case "skill-text":
      return (
        predicted.kind === "skill" &&
        predicted.canonical === null &&
        lower(predicted.text).includes(lower(gold.quote))
      );
    case "responsibility":
      return predicted.kind === "responsibility" && lower(predicted.text).includes(lower(gold.quote));
    case "years":
      return (
        predicted.kind === "years" &&
        predicted.minYears === gold.minYears &&
        (gold.canonical === null || predicted.canonical === canonicalTech(gold.canonical ?? ""))
      );
    case "certification":
      return predicted.kind === "certification" && lower(predicted.canonical).includes(lower(gold.canonical));
    default:
      return predicted.kind === gold.kind && lower(predicted.canonical) === lower(gold.canonical);
  }
}

export interface SplitReport {
  pairs: number;
  gold: number;
  predicted: number;
  precision: number;
  recall: number;
  weightAccuracy: number;
  /** Over labelled requirements that were extracted. */
  statusAccuracy: number;
  /** Over all labelled requirements; one that was not extracted counts as wrong. */
  statusAccuracyEndToEnd: number;
  errors: string[];
}

function evaluateSplit(split: readonly LabelledPosting[]): SplitReport {
  let gold = 0;
  let predictedCount = 0;
  let matchedGold = 0;
  let matchedPredicted = 0;
  let weightRight = 0;
  let statusTotal = 0;
  let statusRight = 0;
  let statusEndToEnd = 0;
  let pairs = 0;
  const errors: string[] = [];
  for (const posting of split) {
    const predicted = extractRequirements(posting.text);
    predictedCount += predicted.length;
    const used = new Set<string>();
    const matchOf = new Map<string, Requirement>();
    for (const requirement of posting.requirements) {
      gold += 1;
      const hit = predicted.find((candidate) => !used.has(candidate.id) && matches(requirement, candidate));
      if (hit === undefined) {
        errors.push(`${posting.id} missed ${requirement.kind} ${requirement.canonical ?? requirement.quote}`);
        continue;
      }
      used.add(hit.id);
      matchOf.set(requirement.key, hit);
      matchedGold += 1;
      if (hit.weight === requirement.weight) weightRight += 1;
      else
        errors.push(
          `${posting.id} weight of ${requirement.key}: ${hit.weight}, labelled ${requirement.weight}`,
        );
    }
    matchedPredicted += used.size;
    for (const extra of predicted.filter((candidate) => !used.has(candidate.id))) {
      errors.push(`${posting.id} extra ${extra.kind} ${extra.canonical ?? extra.text}`);
    }
    for (const [profileId, statuses] of Object.entries(posting.statuses)) {
      const profile = profiles[profileId];
      if (profile === undefined) throw new Error(`unknown profile ${profileId}`);
      pairs += 1;
      const result = scoreProfile(profile, predicted, { today: evaluationDay });
      for (const [key, expected] of Object.entries(statuses)) {
        const requirement = matchOf.get(key);
        if (requirement === undefined) continue;
        statusTotal += 1;
        const actual = result.requirements.find((item) => item.requirementId === requirement.id)?.status;
        if (actual === expected) statusRight += 1;
        else errors.push(`${posting.id}×${profileId} ${key}: ${actual}, labelled ${expected}`);
      }
      statusEndToEnd += Object.keys(statuses).length;
    }
  }
  const ratio = (a: number, b: number) => (b === 0 ? 0 : Math.round((a / b) * 1000) / 1000);
  return {
    pairs,
    gold,
    predicted: predictedCount,
    precision: ratio(matchedPredicted, predictedCount),
    recall: ratio(matchedGold, gold),
    weightAccuracy: ratio(weightRight, matchedGold),
    statusAccuracy: ratio(statusRight, statusTotal),
    statusAccuracyEndToEnd: ratio(statusRight, statusEndToEnd),
    errors,
  };
}

/** The whole evaluation: extraction and status per split, and the verifier against the fabrications. */
export function evaluate() {
  const profile = profiles.A;
  if (profile === undefined) throw new Error("profile A is part of the set");
  const adversarial = verifyChanges(
    profile,
    fabrications.map((item) => item.change),
  );
  const honestResult = verifyChanges(profile, honest);
  return {
    dev: evaluateSplit(postings.filter((posting) => posting.split === "dev")),
    test: evaluateSplit(postings.filter((posting) => posting.split === "test")),
    fabrications: fabrications.length,
    fabricationsPassing: adversarial.accepted.map((change) => change.id),
    honest: honest.length,
    honestRejected: honestResult.rejected.map((item) => `${item.change.id}: ${item.code} ${item.detail}`),
  };
}
