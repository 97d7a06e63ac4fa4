import { useState } from "react";
import { apiKeyStatus, apiKeyStatusLabels } from "../api-keys/key-status";
import { ConfirmDialog } from "../lib/confirm-dialog";
import { describeError } from "../lib/describe-error";
import { ErrorNotice } from "../lib/error-notice";
import { formatDate, formatDateTime, isoDateTime } from "../lib/format";
import { ContactVisibilityCell } from "./contact-visibility-cell";
import { CreateShareLinkForm } from "./create-share-link-form";
import { NewShareLinkDialog } from "./new-share-link-dialog";
import { ShareLinkInsights } from "./share-link-insights";
import { type ShareLink, useRevokeShareLink, useShareLinks } from "./share-links-api";
import "./share-links.css";

const statusBadge = { active: "badge-up", expired: "badge-neutral", revoked: "badge-down" } as const;

/**
 * Share links for one profile (members and up): create one and see its URL once, list them with their
 * status, expiry, contact-details setting and last use, revoke, and read what visitors asked.
 */
export function ShareLinksPanel({ profileId }: { profileId: string }) {
  const links = useShareLinks(profileId);
  const revoke = useRevokeShareLink();
  const [created, setCreated] = useState<{ url: string; label: string | null } | null>(null);
  const [revoking, setRevoking] = useState<ShareLink | null>(null);
  const [openInsights, setOpenInsights] = useState<string | null>(null);

  return (
    <section className="panel" aria-labelledby="share-links-title" data-testid="share-links">
      <h2 id="share-links-title">Share links</h2>
      <p className="muted">
        A share link lets anyone who has it ask questions about this résumé without an account, until it
        expires or you revoke it. Contact details (email, phone number and links) are hidden unless you choose
        to show them on a link; the form below says exactly what a new link shows.
      </p>
      <CreateShareLinkForm
        profileId={profileId}
        onCreated={(link, label) => setCreated({ url: link.url, label })}
      />
      {links.isError ? (
        <ErrorNotice title="The share links could not be loaded." summary={describeError(links.error)} />
      ) : null}
      {links.data !== undefined && links.data.length > 0 ? (
        <table className="data-table data-table-stack share-links-table" data-testid="share-links-table">
          <caption className="visually-hidden">Share links of this profile</caption>
          <thead>
            <tr>
              <th scope="col">Label</th>
              <th scope="col">Status</th>
              <th scope="col">Contact details</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {links.data.map((link) => {
              const status = apiKeyStatus(link);
              const name = link.label ?? "Untitled link";
              const isOpen = openInsights === link.id;
              return [
                <tr key={link.id} data-testid="share-link-row" data-status={status}>
                  <th scope="row">{name}</th>
                  <td data-label="Status">
                    <span className={`badge ${statusBadge[status]}`}>{apiKeyStatusLabels[status]}</span>
                    {status === "active" ? (
                      <span className="muted"> until {formatDate(link.expiresAt)}</span>
                    ) : null}
                  </td>
                  <ContactVisibilityCell link={link} name={name} />
                  <td data-label="Created">
                    <time dateTime={isoDateTime(link.createdAt)}>{formatDate(link.createdAt)}</time>
                  </td>
                  <td data-label="Last used">
                    {link.lastUsedAt === null ? "Never" : formatDateTime(link.lastUsedAt)}
                  </td>
                  <td>
                    <div className="row-actions">
                      <button
                        type="button"
                        className="button button-small"
                        aria-expanded={isOpen}
                        aria-controls={`insights-${link.id}`}
                        onClick={() => setOpenInsights(isOpen ? null : link.id)}
                      >
                        Questions<span className="visually-hidden"> asked through {name}</span>
                      </button>
                      {status === "revoked" ? null : (
                        <button
                          type="button"
                          className="button button-small button-danger-outline"
                          onClick={() => setRevoking(link)}
                          data-testid="revoke-share-link"
                        >
                          Revoke<span className="visually-hidden"> {name}</span>
                        </button>
                      )}
                    </div>
                  </td>
                </tr>,
                isOpen ? (
                  <tr key={`${link.id}-insights`} id={`insights-${link.id}`}>
                    <td colSpan={6}>
                      <ShareLinkInsights shareLinkId={link.id} />
                    </td>
                  </tr>
                ) : null,
              ];
            })}
          </tbody>
        </table>
      ) : null}
      {links.data?.length === 0 ? <p className="muted">No share links yet.</p> : null}
      {created !== null ? (
        <NewShareLinkDialog label={created.label} url={created.url} onClose={() => setCreated(null)} />
      ) : null}
      {revoking !== null ? (
        <ConfirmDialog
          title="Revoke this share link?"
          confirmLabel="Revoke"
          isPending={revoke.isPending}
          error={revoke.isError ? describeError(revoke.error) : null}
          onCancel={() => {
            revoke.reset();
            setRevoking(null);
          }}
          onConfirm={() =>
            revoke.mutate({ shareLinkId: revoking.id }, { onSuccess: () => setRevoking(null) })
          }
          testId="confirm-revoke-share-link"
        >
          <p>
            “{revoking.label ?? "Untitled link"}” stops working at once for everyone who has it. This cannot
            be undone; you can create a new link.
          </p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
