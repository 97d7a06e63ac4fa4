import { sql } from "drizzle-orm";
import { check, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { timestamps, timestampTz } from "./columns";
import { workspaces } from "./workspaces";

/**
 * A workspace's own OpenAI-compatible provider ("bring your own key"), at most one per workspace; without
 * a row the workspace uses the deployment's provider. The API key is stored only as an AES-256-GCM
 * envelope (`api_key_sealed`, see `@vitae/llm/workspace`) bound to the workspace id; it is never read
 * back by a listing, a procedure or the audit log. `api_key_set_at` is what clients see instead.
 */
export const workspaceLlmSettings = pgTable(
  "workspace_llm_settings",
  {
    workspaceId: uuid()
      .primaryKey()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    baseUrl: text().notNull(),
    model: text().notNull(),
    // Null for providers that take no key (a local server the operator allowed).
    apiKeySealed: text(),
    apiKeySetAt: timestampTz(),
    ...timestamps,
  },
  () => [check("workspace_llm_settings_key_pair", sql`(api_key_sealed is null) = (api_key_set_at is null)`)],
);
