import { router } from "../../trpc/init";
import { chooseSheet } from "./choose-sheet";
import { downloadRejected, exportRows } from "./export";
import { mappingsRouter } from "./mappings";
import { phoneRegions } from "./phone-regions";
import { progress } from "./progress";
import { byId, list } from "./read";
import { remove } from "./remove";
import { rows } from "./rows";
import { setMapping } from "./set-mapping";
import { createUpload, finalize } from "./upload";
import { fix, validate } from "./validate";

/**
 * Map: spreadsheet imports — upload, analysis (sniff, profile, auto-map; a workbook's sheet chosen),
 * mapping and its memory, validation into rows with a ledger, bulk fixes, progress, exports of the rows.
 */
export const importsRouter = router({
  createUpload,
  finalize,
  byId,
  list,
  progress,
  chooseSheet,
  phoneRegions,
  setMapping,
  validate,
  rows,
  fix,
  export: exportRows,
  downloadRejected,
  mappings: mappingsRouter,
  delete: remove,
});
