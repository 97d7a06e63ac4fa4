import { router } from "../../trpc/init";
import { create } from "./create";
import { progress } from "./progress";
import { byId } from "./read";

/**
 * Exports: files made in the worker from a workspace's data, downloaded until they expire. `create`
 * exports a profile as a résumé; `byId` reads an export of any source (imports add theirs through
 * `imports.export`, docs/exports-contracts.md); `progress` streams its run (SSE).
 */
export const exportsRouter = router({ create, byId, progress });
