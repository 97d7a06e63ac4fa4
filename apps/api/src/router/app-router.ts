import { router } from "../trpc/init";
import { apiKeysRouter } from "./api-keys";
import { auditRouter } from "./audit";
import { authRouter } from "./auth";
import { chatRouter } from "./chat";
import { documentsRouter } from "./documents";
import { exportsRouter } from "./exports";
import { importsRouter } from "./imports";
import { llmSettingsRouter } from "./llm-settings";
import { matchesRouter } from "./matches";
import { membersRouter } from "./members";
import { operationsRouter } from "./operations";
import { outboxRouter } from "./outbox";
import { postingsRouter } from "./postings";
import { profilesRouter } from "./profiles";
import { publicRouter } from "./public";
import { shareLinksRouter } from "./share-links";
import { systemRouter } from "./system";
import { tailoringRouter } from "./tailoring";
import { usageRouter } from "./usage";
import { workspacesRouter } from "./workspaces";

/** The whole API. Each capability adds one domain router here. */
export const appRouter = router({
  system: systemRouter,
  auth: authRouter,
  workspaces: workspacesRouter,
  members: membersRouter,
  apiKeys: apiKeysRouter,
  llmSettings: llmSettingsRouter,
  audit: auditRouter,
  usage: usageRouter,
  documents: documentsRouter,
  profiles: profilesRouter,
  chat: chatRouter,
  shareLinks: shareLinksRouter,
  public: publicRouter,
  outbox: outboxRouter,
  operations: operationsRouter,
  postings: postingsRouter,
  matches: matchesRouter,
  imports: importsRouter,
  exports: exportsRouter,
  tailoring: tailoringRouter,
});

/** The router's type: the only thing the web app and API clients import from this app. */
export type AppRouter = typeof appRouter;
