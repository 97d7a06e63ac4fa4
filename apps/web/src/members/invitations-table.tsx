import { useState } from "react";
import { isRole, roleLabels } from "../auth/roles";
import { copyText } from "../lib/copy-text";
import { formatDate, isoDateTime } from "../lib/format";
import type { RouterOutputs } from "../trpc/types";

type Invitation = RouterOutputs["members"]["list"]["invitations"][number];

/** Pending invitations, each with its link to copy: invitees open it, sign in and accept. */
export function InvitationsTable({ invitations }: { invitations: Invitation[] }) {
  const [status, setStatus] = useState("");

  async function copyLink(invitation: Invitation) {
    const link = `${window.location.origin}/invitations/${encodeURIComponent(invitation.id)}`;
    const isCopied = await copyText(link);
    setStatus(
      isCopied
        ? `Invitation link for ${invitation.email} copied.`
        : `Could not copy automatically. The link is ${link}`,
    );
  }

  return (
    <section className="panel" aria-labelledby="invitations-title">
      <h2 id="invitations-title">Pending invitations</h2>
      <table className="data-table data-table-stack" data-testid="invitations-table">
        <thead>
          <tr>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Expires</th>
            <th scope="col">
              <span className="visually-hidden">Link</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {invitations.map((invitation) => (
            <tr key={invitation.id}>
              <th scope="row">{invitation.email}</th>
              <td data-label="Role">
                {isRole(invitation.role) ? roleLabels[invitation.role] : invitation.role}
              </td>
              <td data-label="Expires">
                <time dateTime={isoDateTime(invitation.expiresAt)}>{formatDate(invitation.expiresAt)}</time>
              </td>
              <td>
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => void copyLink(invitation)}
                >
                  Copy link<span className="visually-hidden"> for {invitation.email}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted" aria-live="polite">
        {status}
      </p>
    </section>
  );
}
