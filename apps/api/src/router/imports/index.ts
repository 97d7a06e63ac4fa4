import { router } from "../../trpc/init";
import { byId, list } from "./read";
import { remove } from "./remove";
import { setMapping } from "./set-mapping";
import { createUpload, finalize } from "./upload";

/** Map: spreadsheet imports — upload, analysis (sniff, profile, auto-map), mapping and its memory. */
export const importsRouter = router({ createUpload, finalize, byId, list, setMapping, delete: remove });
