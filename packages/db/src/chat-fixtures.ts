import { randomUUID } from "node:crypto";
import type { Database } from "./database";
import { insertTestWorkspaceWithDocument, sampleProfile } from "./documents-fixtures";
import { type RecordChatTurnParams, recordChatTurn, saveProfile } from "./index";
import type { ChatPrincipalKind } from "./schema";

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

/** Test support: an answered text turn about the fixture's profile citing one fact, without events. */
export function turnValues(
  fixture: { workspaceId: string; profileId: string },
  sessionId: string,
  overrides: Partial<RecordChatTurnParams> = {},
): RecordChatTurnParams {
  return {
    workspaceId: fixture.workspaceId,
    sessionId,
    profileId: fixture.profileId,
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
    events: [],
    ...overrides,
  };
}

/** Test support: a conversation of one principal about the fixture's profile, under a fresh session id. */
export interface TestConversation {
  id: string;
  /**
   * Records a turn as production does (`recordChatTurn`): the first call opens the session with its
   * turn at position 1, later calls follow up. `overrides` replace any field of {@link turnValues}.
   */
  ask(overrides?: Partial<RecordChatTurnParams>): Promise<{ id: string; position: number }>;
}

/** Test support: {@link TestConversation} for `principal` (the fixture's owner as a user by default). */
export function testConversation(
  db: Database,
  fixture: { workspaceId: string; profileId: string; ownerId: string },
  principal: { principalKind: ChatPrincipalKind; principalId: string } = {
    principalKind: "user",
    principalId: fixture.ownerId,
  },
): TestConversation {
  const id = randomUUID();
  let isOpen = false;
  return {
    id,
    async ask(overrides = {}) {
      const newSession = isOpen ? undefined : principal;
      const turn = await recordChatTurn(db, turnValues(fixture, id, { newSession, ...overrides }));
      isOpen = true;
      return turn;
    },
  };
}
