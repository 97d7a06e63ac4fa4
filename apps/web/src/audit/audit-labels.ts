import type { RouterOutputs } from "../trpc/types";

/** One `audit.list` event as the API declares it. */
export type AuditEntry = RouterOutputs["audit"]["list"]["items"][number];

/**
 * What each action the API records means, in words. The filter offers these; an action this build does
 * not know yet is shown by its code rather than hidden.
 */
export const auditActionLabels: Readonly<Record<string, string>> = {
  "auth.sign-in": "Signed in",
  "workspaces.create": "Created the workspace",
  "workspaces.rename": "Renamed the workspace",
  "members.invite": "Invited someone",
  "members.join": "Joined the workspace",
  "members.update-role": "Changed a role",
  "members.remove": "Removed a member",
  "api-keys.create": "Created an API key",
  "api-keys.revoke": "Revoked an API key",
  "llm-settings.set": "Set the workspace's AI provider",
  "llm-settings.clear": "Removed the workspace's AI provider",
  "documents.upload": "Uploaded a document",
  "documents.reingest": "Re-read a document",
  "documents.delete": "Deleted a document",
  "profiles.update": "Corrected a profile",
  "profiles.revert": "Undid a profile correction",
  "share-links.create": "Shared a profile by link",
  "share-links.update": "Changed a share link",
  "share-links.revoke": "Revoked a share link",
  "postings.create": "Added a job posting",
  "postings.delete": "Deleted a job posting",
  "imports.upload": "Uploaded a spreadsheet",
  "imports.set-mapping": "Mapped a spreadsheet's columns",
  "imports.delete": "Deleted a spreadsheet import",
  "operations.job-retry": "An operator retried a failed job",
  "operations.job-discard": "An operator discarded a failed job",
};

/** An action in words; its code when this build has no words for it. */
export function describeAction(action: string): string {
  return Object.hasOwn(auditActionLabels, action) ? (auditActionLabels[action] ?? action) : action;
}

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value : null;
}

/**
 * Who did it, by name: the member's name, or the API key's. The API resolves names inside this
 * workspace only, so anyone else (a former member, a failed anonymous sign-in) is described, not named;
 * their id stays available behind the row's details.
 */
export function describeActor(entry: Pick<AuditEntry, "actorType" | "actorId" | "actorName">): string {
  const name = text(entry.actorName);
  if (entry.actorType === "apiKey") return name === null ? "An API key" : `API key “${name}”`;
  if (entry.actorType === "user") {
    if (name !== null) return name;
    return entry.actorId === null ? "Someone not signed in" : "A former member";
  }
  return "Vitae";
}

/**
 * What it was done to, by name: members and documents as the API resolved them (a deleted document by
 * the name its event recorded), other targets by the name their event recorded. `null` when the event
 * has no target.
 */
export function describeTarget(
  entry: Pick<AuditEntry, "targetType" | "targetName" | "metadata">,
): string | null {
  const name = text(entry.targetName);
  const recorded = (key: string) => text(entry.metadata[key]);
  switch (entry.targetType) {
    case null:
      return null;
    case "user":
      return name ?? "A former member";
    case "document":
      return name === null ? "A document" : `Document “${name}”`;
    case "api_key": {
      const keyName = recorded("name");
      return keyName === null ? "An API key" : `API key “${keyName}”`;
    }
    case "invitation": {
      const email = recorded("email");
      return email === null ? "An invitation" : `Invitation for ${email}`;
    }
    case "workspace": {
      const workspaceName = recorded("name");
      return workspaceName === null ? "This workspace" : `Workspace “${workspaceName}”`;
    }
    case "share_link": {
      const label = recorded("label");
      return label === null ? "A share link" : `Share link “${label}”`;
    }
    case "profile":
      return "A profile";
    default:
      return entry.targetType;
  }
}

/** An event's metadata as short `key: value` lines for the details panel (values are client-safe). */
export function metadataLines(metadata: Record<string, unknown>): string[] {
  return Object.entries(metadata).map(([key, value]) => {
    const shown = typeof value === "string" ? value : JSON.stringify(value);
    return `${key}: ${shown ?? String(value)}`;
  });
}
