import type { FactProfile } from "@vitae/contracts";
import { z } from "zod";

export type { YearMonth } from "@vitae/contracts";

/** The closed list of requirement kinds; clients may switch on these strings. */
export const requirementKinds = [
  "skill",
  "tool",
  "certification",
  "years",
  "degree",
  "language",
  "responsibility",
] as const;
export type RequirementKind = (typeof requirementKinds)[number];

/** `must` gates the job, `nice` is a plus; the scorer's points per weight are in `weightPoints`. */
export const requirementWeights = ["must", "nice"] as const;
export type RequirementWeight = (typeof requirementWeights)[number];

/** Ordered: a higher index is a higher degree. */
export const degreeLevels = ["bachelor", "master", "doctorate"] as const;
export type DegreeLevel = (typeof degreeLevels)[number];

/** `[start, end)` in UTF-16 code units of the posting text. */
export interface Span {
  start: number;
  end: number;
}

/**
 * One requirement of a posting. `canonical` is the taxonomy name for `skill`/`tool`, the language's
 * English name for `language`, the certification as written for `certification`, the lowest accepted
 * degree level for `degree`, the technology the years are about for `years` (null: any experience).
 */
export interface Requirement {
  /** `r1`, `r2`, … in order of first appearance; stable for the same posting text. */
  id: string;
  kind: RequirementKind;
  weight: RequirementWeight;
  /** The clause or mention it came from, as written. */
  text: string;
  canonical: string | null;
  span: Span;
  /** `years` only: the minimum number of years asked for. */
  minYears?: number;
  /** `degree` only: canonical fields (`computer-science`, …); empty means any field. */
  fields?: string[];
}

/**
 * Validates a stored or transmitted `Requirement` (a posting's requirements read back from the database
 * or sent by a client): closed kinds and weights, a well-formed span, bounded texts.
 */
export const requirementSchema: z.ZodType<Requirement> = z
  .object({
    id: z.string().min(1).max(20),
    kind: z.enum(requirementKinds),
    weight: z.enum(requirementWeights),
    text: z.string().max(2000),
    canonical: z.string().max(200).nullable(),
    span: z.object({ start: z.number().int().min(0), end: z.number().int().min(0) }),
    minYears: z.number().int().min(0).max(99).optional(),
    fields: z.array(z.string().max(100)).max(20).optional(),
  })
  .refine((requirement) => requirement.span.end >= requirement.span.start, "span ends before it starts");

/**
 * The profile shape the product stores (`@vitae/documents` `Profile` with the database's fact ids, i.e.
 * `ProfileView` / `@vitae/query` `AskProfile`) plus the skills the user attested ("I have this").
 * An attestation is evidence the scorer and the tailoring verifier accept like any other fact.
 */
export interface MatchProfile extends FactProfile {
  attestations?: Attestation[];
}

/**
 * A skill the user recorded as theirs (audited by the caller before it reaches this package). Its `id`
 * is the fact id evidence cites; without one it is `<profileId>:attestation:<index>`.
 */
export interface Attestation {
  id?: string;
  skill: string;
  note?: string;
}

/** How far a profile meets one requirement; the scorer's credit per status is in `statusCredit`. */
export const matchStatuses = ["met", "partial", "missing"] as const;
export type MatchStatus = (typeof matchStatuses)[number];

/** A profile fact that supports a requirement and the words of it that matched. */
export interface Evidence {
  factId: string;
  text: string;
}

/** The names of the profile sections, in their default order. */
export const sectionNames = ["summary", "experiences", "projects", "skills", "education"] as const;
export type SectionName = (typeof sectionNames)[number];
