import { router } from "../../trpc/init";
import { download, reingest, remove } from "./manage";
import { byId, list, progress, source } from "./read";
import { createUpload, finalize } from "./upload";

/** Upload, ingest status, download and deletion of résumé documents. */
export const documentsRouter = router({
  createUpload,
  finalize,
  list,
  byId,
  source,
  progress,
  download,
  delete: remove,
  reingest,
});
