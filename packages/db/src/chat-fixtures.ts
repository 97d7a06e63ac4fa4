import type { Database } from "./database";
import { insertTestWorkspaceWithDocument, sampleProfile } from "./documents-fixtures";
import { type AppendChatTurnParams, saveProfile } from "./index";

/** Test support: a workspace with one parsed profile. */
export async function insertTestProfile(
  db: Database,
): Promise<{ workspaceId: string; ownerId: string; documentId: string; profileId: string }> {
  const { workspaceId, ownerId, document } = await insertTestWorkspaceWithDocument(db);
  const profileId = await saveProfile(db, {
    workspaceId,
    documentId: document.id,
    profile: sampleProfile(),
    parser: "heuristic",
    parserVersion: "1",
  });
  return { workspaceId, ownerId, documentId: document.id, profileId };
}

/** Test support: an expiry for share links (every link expires), a month from now. */
export function inAMonth(): Date {
  return new Date(Date.now() + 30 * 86_400_000);
}

/** Test support: an answered text turn citing one fact; `overrides` replace any field. */
export function turnValues(
  workspaceId: string,
  sessionId: string,
  overrides: Partial<AppendChatTurnParams> = {},
): AppendChatTurnParams {
  return {
    workspaceId,
    sessionId,
    question: "What did Ada do with Kubernetes?",
    answer: "She migrated the billing stack to Kubernetes operators.",
    mode: "basic",
    intent: "experience",
    sources: [{ factId: "11111111-1111-4111-8111-111111111111", kind: "experience" }],
    cards: [{ type: "experience", factIds: ["11111111-1111-4111-8111-111111111111"] }],
    cacheHit: false,
    latencyMs: 12,
    timings: { normalize: 1, retrieval: 5 },
    input: "text",
    ...overrides,
  };
}
