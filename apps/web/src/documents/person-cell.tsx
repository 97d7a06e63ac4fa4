import { formatBytes, formatDateTime, isoDateTime } from "../lib/format";
import type { DocumentListItem } from "./types";

/** The role line under a name: "Senior Data Engineer at Brightline Health", or whichever part is known. */
export function roleLine(person: DocumentListItem["person"]): string | null {
  if (person === null) return null;
  if (person.title !== null && person.company !== null) return `${person.title} at ${person.company}`;
  return person.title ?? person.company;
}

/** Why two uploads look like one person, in words. */
export const duplicateReasons: Record<NonNullable<DocumentListItem["duplicateOf"]>["reason"], string> = {
  "same-file": "it is the same file",
  "same-email": "the email address is the same",
};

/**
 * The row header of a listed document: the person's name and current role, the file as detail (name,
 * size, upload time), and a warning when the same person seems to be uploaded already.
 */
export function PersonCell({
  document,
  size,
  createdAt,
}: {
  document: Pick<DocumentListItem, "filename" | "person" | "duplicateOf">;
  size: number;
  createdAt: string;
}) {
  const name = document.person?.name ?? null;
  const role = roleLine(document.person);
  return (
    <>
      <span className="document-person" data-testid="document-person">
        {name ?? (
          <span className="muted">{document.person === null ? "Not read yet" : "Name not found"}</span>
        )}
      </span>
      {role !== null ? (
        <span className="document-role" data-testid="document-role">
          {role}
        </span>
      ) : null}
      <span className="muted document-meta">
        <span className="document-name">{document.filename}</span> · {formatBytes(size)} ·{" "}
        <time dateTime={isoDateTime(createdAt)}>{formatDateTime(createdAt)}</time>
      </span>
      {document.duplicateOf !== null ? (
        <span className="document-duplicate" data-testid="document-duplicate">
          Possibly the same person as “{document.duplicateOf.filename}”:{" "}
          {duplicateReasons[document.duplicateOf.reason]}.
        </span>
      ) : null}
    </>
  );
}
