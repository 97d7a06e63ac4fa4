import type { ReactNode } from "react";
import { formatDateTime, isoDateTime } from "../lib/format";
import {
  type AuditEntry,
  describeAction,
  describeActor,
  describeTarget,
  metadataLines,
} from "./audit-labels";

function Detail({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/**
 * One audit event: when, what, who and to what — people and documents by name. The ids, addresses and
 * recorded details an investigation needs are folded behind "Details".
 */
export function AuditRow({ entry }: { entry: AuditEntry }) {
  const target = describeTarget(entry);
  const metadata = metadataLines(entry.metadata);
  return (
    <tr data-testid="audit-entry">
      <td className="nowrap" data-label="When">
        <time dateTime={isoDateTime(entry.createdAt)}>{formatDateTime(entry.createdAt)}</time>
      </td>
      <th scope="row" data-label="Action" data-testid="audit-action" data-action={entry.action}>
        {describeAction(entry.action)}
      </th>
      <td data-label="Who" data-testid="audit-actor">
        {describeActor(entry)}
      </td>
      <td data-label="Target" data-testid="audit-target">
        {target ?? "—"}
      </td>
      <td>
        <details className="audit-details" data-testid="audit-details">
          <summary>Details</summary>
          <dl className="audit-detail-list">
            <Detail term="Action code">
              <code>{entry.action}</code>
            </Detail>
            <Detail term={entry.actorType === "apiKey" ? "API key id" : "Actor id"}>
              <code>{entry.actorId ?? "—"}</code>
            </Detail>
            {entry.actorEmail !== null ? <Detail term="Actor email">{entry.actorEmail}</Detail> : null}
            {entry.targetId !== null ? (
              <Detail term={`Target id (${entry.targetType ?? "unknown"})`}>
                <code>{entry.targetId}</code>
              </Detail>
            ) : null}
            {entry.targetEmail !== null ? <Detail term="Target email">{entry.targetEmail}</Detail> : null}
            <Detail term="IP address">{entry.ip ?? "—"}</Detail>
            <Detail term="Request id">
              <code>{entry.requestId ?? "—"}</code>
            </Detail>
            {metadata.length > 0 ? (
              <Detail term="Recorded">
                <ul className="audit-metadata">
                  {metadata.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              </Detail>
            ) : null}
          </dl>
        </details>
      </td>
    </tr>
  );
}
