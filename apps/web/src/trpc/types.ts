import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@vitae/api/router";

/** What each procedure returns, as the API declares it (types only; nothing from the API is bundled). */
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type RouterInputs = inferRouterInputs<AppRouter>;

export type Me = RouterOutputs["auth"]["me"];
