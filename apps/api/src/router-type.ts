/** Type-only entry for clients (`import type { AppRouter } from "@vitae/api/router"`). */
export type { AppRouter } from "./router/app-router";
