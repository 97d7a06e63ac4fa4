import { sql } from "drizzle-orm";
import { check, index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { id, timestampTz } from "./columns";
import { sqlInList, type WorkspaceRole, workspaceRoles } from "./roles";
import { users } from "./users";
import { workspaces } from "./workspaces";

/** Invitation lifecycle as better-auth writes it. */
export const invitationStatuses = ["pending", "accepted", "rejected", "canceled"] as const;

/** One of {@link invitationStatuses}. */
export type InvitationStatus = (typeof invitationStatuses)[number];

/** Pending and past invitations to join a workspace (better-auth's `invitation` model). */
export const workspaceInvitations = pgTable(
  "workspace_invitations",
  {
    id: id(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    email: text().notNull(),
    role: text().$type<WorkspaceRole>().notNull().default("member"),
    status: text().$type<InvitationStatus>().notNull().default("pending"),
    expiresAt: timestampTz().notNull(),
    inviterId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestampTz().notNull().defaultNow(),
  },
  (table) => [
    index("workspace_invitations_workspace_id_status_idx").on(table.workspaceId, table.status),
    index("workspace_invitations_email_idx").on(table.email),
    check("workspace_invitations_role_valid", sql.raw(`role in (${sqlInList(workspaceRoles)})`)),
    check("workspace_invitations_status_valid", sql.raw(`status in (${sqlInList(invitationStatuses)})`)),
  ],
);
