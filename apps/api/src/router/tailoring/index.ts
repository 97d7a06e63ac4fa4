import { router } from "../../trpc/init";
import { confirm } from "./confirm";
import { progress } from "./progress";
import { propose } from "./propose";
import { byId } from "./read";

/** Verified, diff-only tailoring of a profile to a posting, confirmed into a new profile version. */
export const tailoringRouter = router({ propose, byId, progress, confirm });
