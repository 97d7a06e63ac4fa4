import { foreignKey, index, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { id, timestamps } from "./columns";
import { profiles } from "./profiles";
import { users } from "./users";
import { workspaces } from "./workspaces";

/**
 * Skills a user attested for a profile ("I have this"), each recorded with an audit event. Evidence the
 * match scorer and the tailoring verifier accept like any parsed fact; nothing else adds a skill.
 * `skill` is the taxonomy's canonical name when it knows the skill, else the words as typed (trimmed).
 */
export const profileAttestations = pgTable(
  "profile_attestations",
  {
    id: id(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    profileId: uuid().notNull(),
    skill: text().notNull(),
    note: text(),
    // Kept when the user goes: the attestation is the profile's, and the audit log says who made it.
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (table) => [
    unique("profile_attestations_profile_skill_key").on(table.profileId, table.skill),
    index("profile_attestations_workspace_id_idx").on(table.workspaceId),
    index("profile_attestations_created_by_idx").on(table.createdBy),
    foreignKey({
      name: "profile_attestations_profile_fk",
      columns: [table.profileId, table.workspaceId],
      foreignColumns: [profiles.id, profiles.workspaceId],
    }).onDelete("cascade"),
  ],
);
