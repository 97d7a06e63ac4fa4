import type { JobHandlerMap } from "./handler-types";
import { analyseImport } from "./handlers/analyse-import";
import { flushRequests } from "./handlers/flush-requests";
import { ingestDocument } from "./handlers/ingest-document";
import { runSelfTest } from "./handlers/run-self-test";
import { sweepStaleUploads } from "./handlers/sweep-stale-uploads";
import { sweepVoice } from "./handlers/sweep-voice";

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
  "usage.flush-requests": flushRequests,
} satisfies JobHandlerMap;
