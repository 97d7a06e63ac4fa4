import type { LabelledPosting } from "./labels";
import { devPostings } from "./postings-dev";
import { testPostings } from "./postings-test";

export type { GoldRequirement, LabelledPosting } from "./labels";

/** Ten postings × two profiles, labelled before the first run; dev = p1–p5, test = p6–p10. */
export const postings: LabelledPosting[] = [...devPostings, ...testPostings];
