export { type AppliedTailoring, applyChanges } from "./apply";
export { type Change, type ChangeAction, changeActions, changeSchema } from "./changes";
export { extractRequirements } from "./extract";
export {
  isMatchFeatures,
  type MatchFeatures,
  matchFeaturesOf,
  matchFeaturesVersion,
  parseMatchFeatures,
  type StoredFact,
  scoreMatchFeatures,
} from "./features";
export {
  type ExtractionFallback,
  extractRequirementsWithLlm,
  type MatchingLlm,
  promptOutputs,
  prompts,
  proposeRephrasings,
} from "./llm";
export {
  kindFactor,
  type RequirementResult,
  type ScoreResult,
  scoreProfile,
  scorerVersion,
  statusCredit,
  weightPoints,
} from "./score";
export { proposeChanges } from "./tailor";
export {
  type Attestation,
  type DegreeLevel,
  degreeLevels,
  type Evidence,
  type MatchProfile,
  type MatchStatus,
  matchStatuses,
  type Requirement,
  type RequirementKind,
  type RequirementWeight,
  requirementKinds,
  requirementSchema,
  requirementWeights,
  type SectionName,
  type Span,
  sectionNames,
  type YearMonth,
} from "./types";
export { type Rejection, type RejectionCode, rejectionCodes, verifyChanges } from "./verify";
