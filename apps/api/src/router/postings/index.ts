import { router } from "../../trpc/init";
import { create } from "./create";
import { byId, list } from "./read";
import { remove } from "./remove";

/** Job postings pasted into a workspace, with their extracted requirements. */
export const postingsRouter = router({ create, byId, list, delete: remove });
