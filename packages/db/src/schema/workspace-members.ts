import { sql } from "drizzle-orm";
import { check, index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id, timestampTz } from "./columns";
import { sqlInList, type WorkspaceRole, workspaceRoles } from "./roles";
import { users } from "./users";
import { workspaces } from "./workspaces";

/**
 * Who belongs to which workspace, with one role each (better-auth's `member` model). The check
 * constraint refuses better-auth's comma-separated multi-role values: a member has exactly one role.
 */
export const workspaceMembers = pgTable(
  "workspace_members",
  {
    id: id(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text().$type<WorkspaceRole>().notNull().default("member"),
    createdAt: timestampTz().notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("workspace_members_workspace_id_user_id_key").on(table.workspaceId, table.userId),
    index("workspace_members_user_id_idx").on(table.userId),
    check("workspace_members_role_valid", sql.raw(`role in (${sqlInList(workspaceRoles)})`)),
  ],
);
