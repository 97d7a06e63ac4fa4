import { router } from "../trpc/init";
import { systemRouter } from "./system";

/** The whole API. Each capability adds one domain router here. */
export const appRouter = router({
  system: systemRouter,
});

/** The router's type: the only thing the web app and API clients import from this app. */
export type AppRouter = typeof appRouter;
