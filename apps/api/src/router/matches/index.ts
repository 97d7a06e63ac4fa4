import { router } from "../../trpc/init";
import { rank } from "./rank";
import { rankProgress } from "./rank-progress";
import { ranking } from "./ranking";
import { score } from "./score";

/** How profiles fit job postings: the explained, deterministic match score and rankings of many profiles. */
export const matchesRouter = router({ score, rank, ranking, rankProgress });
