import { useQuery } from "@tanstack/react-query";
import { assignableRoles, canManageMembers, memberRowActions } from "../auth/permissions";
import { isRole } from "../auth/roles";
import { roleOf, useSession } from "../auth/session";
import { describeError } from "../lib/describe-error";
import { ErrorNotice } from "../lib/error-notice";
import { useTRPC } from "../trpc/client";
import { InvitationsTable } from "./invitations-table";
import { InviteForm } from "./invite-form";
import { MemberRow } from "./member-row";

/**
 * Members of the active workspace. Everyone in the workspace may look; admins and owners also see the
 * pending invitations (the server lists them to no one else), invite, change roles and remove. The
 * server re-checks each action.
 */
export function MembersPage() {
  const trpc = useTRPC();
  const me = useSession();
  const role = roleOf(me);
  const list = useQuery(trpc.members.list.queryOptions());
  const canManage = canManageMembers(role);

  const members = list.data?.members ?? [];
  const ownerCount = members.filter((member) => member.role === "owner").length;
  const rows = members.map((member) => ({
    member,
    actions: isRole(member.role)
      ? memberRowActions({ viewerRole: role, targetRole: member.role, ownerCount })
      : { canChangeRole: false, roleChoices: [], canRemove: false },
  }));
  const hasActionsColumn = rows.some((row) => row.actions.canRemove);

  return (
    <section aria-labelledby="members-title" data-testid="members-page">
      <h1 id="members-title">Members</h1>
      <p className="lead">
        Everyone with access to {me.workspace?.name ?? "this workspace"}, and their roles.
      </p>
      {canManage ? <InviteForm roleChoices={assignableRoles(role)} /> : null}
      <section className="panel" aria-labelledby="member-list-title" aria-busy={list.isPending}>
        <h2 id="member-list-title">People</h2>
        {list.isPending ? (
          <p className="muted" role="status">
            Loading members…
          </p>
        ) : null}
        {list.isError ? (
          <ErrorNotice title="The members could not be loaded." summary={describeError(list.error)} />
        ) : null}
        {list.data !== undefined ? (
          <table className="data-table data-table-stack" data-testid="members-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Joined</th>
                {hasActionsColumn ? (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {rows.map(({ member, actions }) => (
                <MemberRow
                  key={member.userId}
                  member={member}
                  isSelf={member.userId === me.user.id}
                  actions={actions}
                  hasActionsColumn={hasActionsColumn}
                />
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
      {canManage && list.data !== undefined && list.data.invitations.length > 0 ? (
        <InvitationsTable invitations={list.data.invitations} />
      ) : null}
    </section>
  );
}
