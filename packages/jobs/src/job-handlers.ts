import type { JobHandlerMap } from "./handler-types";
import { analyseImport } from "./handlers/analyse-import";
import { flushRequests } from "./handlers/flush-requests";
import { ingestDocument } from "./handlers/ingest-document";
import { proposeTailoring } from "./handlers/propose-tailoring";
import { rankProfiles } from "./handlers/rank-profiles";
import { renderProfileExport } from "./handlers/render-profile-export";
import { runSelfTest } from "./handlers/run-self-test";
import { sweepExpiredExports } from "./handlers/sweep-expired-exports";
import { sweepStaleUploads } from "./handlers/sweep-stale-uploads";
import { sweepVoice } from "./handlers/sweep-voice";
import { validateImport } from "./handlers/validate-import";
import { writeImportExport } from "./handlers/write-import-export";

/**
 * The handler of every job in `@vitae/queue`'s `jobDefinitions`. `satisfies` (not a type annotation)
 * keeps each entry's precise type while making a missing or mistyped handler a compile error.
 */
export const jobHandlers = {
  "system.run-self-test": runSelfTest,
  "documents.ingest": ingestDocument,
  "ask.sweep-voice": sweepVoice,
  "storage.sweep-stale-uploads": sweepStaleUploads,
  "imports.analyse": analyseImport,
  "exports.render-profile": renderProfileExport,
  "exports.sweep-expired": sweepExpiredExports,
  "imports.validate": validateImport,
  "imports.write-export": writeImportExport,
  "matches.rank-profiles": rankProfiles,
  "tailoring.propose-changes": proposeTailoring,
  "usage.flush-requests": flushRequests,
} satisfies JobHandlerMap;
