import { foreignKey, index, json, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { timestamps } from "./columns";
import { profiles } from "./profiles";
import { workspaces } from "./workspaces";

/**
 * What the match scorer reads of one profile version (`@vitae/matching` `MatchFeatures`), computed once
 * and kept so a ranking reads one column per profile instead of re-analysing every fact's text. Valid
 * only while `profile_version` equals the profile's version (`profiles.updated_at::text`, which every
 * correction and re-parse changes) and `features_version` is the reading build's; otherwise it is
 * recomputed. `json`, not `jsonb`: it is only ever read whole, and `json` is returned as stored.
 */
export const profileMatchFeatures = pgTable(
  "profile_match_features",
  {
    profileId: uuid().primaryKey(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    profileVersion: text().notNull(),
    featuresVersion: text().notNull(),
    features: json().$type<unknown>().notNull(),
    ...timestamps,
  },
  (table) => [
    index("profile_match_features_workspace_id_idx").on(table.workspaceId),
    foreignKey({
      name: "profile_match_features_profile_fk",
      columns: [table.profileId, table.workspaceId],
      foreignColumns: [profiles.id, profiles.workspaceId],
    }).onDelete("cascade"),
  ],
);
