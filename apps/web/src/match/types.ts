import type { RouterOutputs } from "../trpc/types";

/** `postings.byId` as the API declares it. */
export type Posting = RouterOutputs["postings"]["byId"];
export type Requirement = Posting["requirements"][number];
export type RequirementKind = Requirement["kind"];
export type RequirementWeight = Requirement["weight"];
/** `postings.list` item. */
export type PostingSummary = RouterOutputs["postings"]["list"]["items"][number];
/** `matches.score` as the API declares it. */
export type MatchScore = RouterOutputs["matches"]["score"];
export type MatchStatus = MatchScore["requirements"][number]["status"];
export type Evidence = MatchScore["requirements"][number]["evidence"][number];
