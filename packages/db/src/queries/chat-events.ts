import { AppError } from "@vitae/errors";
import type { Database } from "../database";
import { type ChatEventType, chatEvents, chatEventTypes } from "../schema";
import { isUuid } from "./ids";
import { isForeignKeyViolation } from "./pg-errors";

/** Parameters of {@link insertChatEvent}. */
export interface InsertChatEventParams {
  workspaceId: string;
  /** The profile asked about: events die with it. */
  profileId: string;
  type: ChatEventType;
  sessionId?: string | null | undefined;
  shareLinkId?: string | null | undefined;
  intent?: string | null | undefined;
}

/**
 * Appends one analytics event. The session and share link, when given, must belong to `workspaceId` and
 * `profileId` (the database enforces it): otherwise, and for any malformed id, `AppError("NOT_FOUND")`.
 * An unknown `type` is `AppError("BAD_REQUEST")`.
 */
export async function insertChatEvent(
  db: Database,
  params: InsertChatEventParams,
): Promise<{ id: string; createdAt: Date }> {
  if (!chatEventTypes.includes(params.type)) {
    throw new AppError("BAD_REQUEST", { message: "Unknown chat event type." });
  }
  const sessionId = params.sessionId ?? null;
  const shareLinkId = params.shareLinkId ?? null;
  if (
    !isUuid(params.workspaceId) ||
    !isUuid(params.profileId) ||
    (sessionId !== null && !isUuid(sessionId)) ||
    (shareLinkId !== null && !isUuid(shareLinkId))
  ) {
    throw new AppError("NOT_FOUND");
  }
  try {
    const [row] = await db
      .insert(chatEvents)
      .values({
        workspaceId: params.workspaceId,
        profileId: params.profileId,
        sessionId,
        shareLinkId,
        type: params.type,
        intent: params.intent ?? null,
      })
      .returning({ id: chatEvents.id, createdAt: chatEvents.createdAt });
    if (row === undefined) throw new AppError("INTERNAL", { cause: new Error("insert returned no row") });
    return row;
  } catch (error) {
    if (isForeignKeyViolation(error)) throw new AppError("NOT_FOUND", { cause: error });
    throw error;
  }
}
