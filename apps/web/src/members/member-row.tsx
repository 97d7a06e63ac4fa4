import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { MemberRowActions } from "../auth/permissions";
import { isRole, type Role, roleLabels } from "../auth/roles";
import { ConfirmDialog } from "../lib/confirm-dialog";
import { describeError } from "../lib/describe-error";
import { ErrorNotice } from "../lib/error-notice";
import { formatDate, isoDateTime } from "../lib/format";
import { useTRPC } from "../trpc/client";
import type { RouterOutputs } from "../trpc/types";

type Member = RouterOutputs["members"]["list"]["members"][number];

interface MemberRowProps {
  member: Member;
  isSelf: boolean;
  actions: MemberRowActions;
  /** Whether the table has an actions column at all (the viewer can manage someone). */
  hasActionsColumn: boolean;
}

/** One member with, when the viewer's role allows, a role picker and a confirmed remove button. */
export function MemberRow({ member, isSelf, actions, hasActionsColumn }: MemberRowProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const currentRole = isRole(member.role) ? member.role : null;
  const [role, setRole] = useState<Role | null>(currentRole);
  const [isConfirmingRemove, setIsConfirmingRemove] = useState(false);
  const [status, setStatus] = useState("");
  const invalidateMembers = () => queryClient.invalidateQueries({ queryKey: trpc.members.list.queryKey() });

  const updateRole = useMutation(
    trpc.members.updateRole.mutationOptions({
      onSuccess: async (_result, variables) => {
        setStatus(`${member.name} is now ${roleLabels[variables.role as Role] ?? variables.role}.`);
        await invalidateMembers();
        // Changing one's own role changes what this UI may offer.
        if (isSelf) await queryClient.invalidateQueries({ queryKey: trpc.auth.me.queryKey() });
      },
    }),
  );
  const remove = useMutation(
    trpc.members.remove.mutationOptions({
      onSuccess: async () => {
        setIsConfirmingRemove(false);
        await invalidateMembers();
        if (isSelf) await queryClient.invalidateQueries();
      },
    }),
  );

  const name = `${member.name}${isSelf ? " (you)" : ""}`;
  return (
    <tr data-testid={`member-${member.email}`}>
      <th scope="row">{name}</th>
      <td data-label="Email">{member.email}</td>
      <td data-label="Role">
        {actions.canChangeRole && role !== null ? (
          <div className="inline-control">
            <label className="visually-hidden" htmlFor={`role-${member.userId}`}>
              Role of {member.name}
            </label>
            <select
              id={`role-${member.userId}`}
              value={role}
              onChange={(event) => setRole(event.target.value as Role)}
            >
              {actions.roleChoices.map((choice) => (
                <option key={choice} value={choice}>
                  {roleLabels[choice]}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="button button-small"
              disabled={role === currentRole || updateRole.isPending}
              onClick={() => updateRole.mutate({ userId: member.userId, role })}
            >
              {updateRole.isPending ? "Saving…" : "Save role"}
            </button>
          </div>
        ) : currentRole === null ? (
          member.role
        ) : (
          roleLabels[currentRole]
        )}
        <span className="visually-hidden" aria-live="polite">
          {status}
        </span>
        {updateRole.isError ? (
          <ErrorNotice title="The role was not changed." summary={describeError(updateRole.error)} />
        ) : null}
      </td>
      <td data-label="Joined">
        <time dateTime={isoDateTime(member.joinedAt)}>{formatDate(member.joinedAt)}</time>
      </td>
      {hasActionsColumn ? (
        <td>
          {actions.canRemove ? (
            <button
              type="button"
              className="button button-small button-danger-outline"
              onClick={() => {
                remove.reset();
                setIsConfirmingRemove(true);
              }}
            >
              {isSelf ? "Leave" : "Remove"}
              <span className="visually-hidden"> {member.name}</span>
            </button>
          ) : null}
          {isConfirmingRemove ? (
            <ConfirmDialog
              title={isSelf ? "Leave this workspace?" : `Remove ${member.name}?`}
              confirmLabel={isSelf ? "Leave workspace" : "Remove member"}
              isPending={remove.isPending}
              error={remove.isError ? describeError(remove.error) : null}
              onConfirm={() => remove.mutate({ userId: member.userId })}
              onCancel={() => setIsConfirmingRemove(false)}
              testId="confirm-remove-member"
            >
              <p>
                {isSelf
                  ? "You will lose access to this workspace at once. An admin would have to invite you again."
                  : `${member.name} (${member.email}) will lose access to this workspace at once.`}
              </p>
            </ConfirmDialog>
          ) : null}
        </td>
      ) : null}
    </tr>
  );
}
