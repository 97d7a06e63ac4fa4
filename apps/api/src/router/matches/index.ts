import { router } from "../../trpc/init";
import { score } from "./score";

/** How profiles fit job postings: the explained, deterministic match score. */
export const matchesRouter = router({ score });
