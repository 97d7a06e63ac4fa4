import type { Principal } from "@vitae/auth";
import type { ChatOwner } from "../../chat/session-store";

/** The conversation owner for a principal: the user, or the API key itself. */
export function ownerOf(principal: Principal): ChatOwner {
  return principal.kind === "user"
    ? { kind: "user", id: principal.userId }
    : { kind: "apiKey", id: principal.apiKeyId };
}
