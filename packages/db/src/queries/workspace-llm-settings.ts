import { and, count, eq, isNotNull, sql } from "drizzle-orm";
import type { Database } from "../database";
import { workspaceLlmSettings } from "../schema";
import { isUuid } from "./ids";

/** A workspace's provider as clients may see it: whether a key is set and since when, never the key. */
export interface WorkspaceLlmSettingsSummary {
  baseUrl: string;
  model: string;
  apiKeySetAt: Date | null;
  updatedAt: Date;
}

/** The stored provider with its sealed key: for the LLM client's resolver only, never for a response. */
export interface WorkspaceLlmProviderRow {
  baseUrl: string;
  model: string;
  apiKeySealed: string | null;
}

/** The workspace's provider summary, or `undefined` when it uses the deployment's provider. */
export async function getWorkspaceLlmSettings(
  db: Database,
  params: { workspaceId: string },
): Promise<WorkspaceLlmSettingsSummary | undefined> {
  if (!isUuid(params.workspaceId)) return undefined;
  const [row] = await db
    .select({
      baseUrl: workspaceLlmSettings.baseUrl,
      model: workspaceLlmSettings.model,
      apiKeySetAt: workspaceLlmSettings.apiKeySetAt,
      updatedAt: workspaceLlmSettings.updatedAt,
    })
    .from(workspaceLlmSettings)
    .where(eq(workspaceLlmSettings.workspaceId, params.workspaceId))
    .limit(1);
  return row;
}

/** The workspace's provider with its sealed key, or `undefined`. */
export async function getWorkspaceLlmProvider(
  db: Database,
  params: { workspaceId: string },
): Promise<WorkspaceLlmProviderRow | undefined> {
  if (!isUuid(params.workspaceId)) return undefined;
  const [row] = await db
    .select({
      baseUrl: workspaceLlmSettings.baseUrl,
      model: workspaceLlmSettings.model,
      apiKeySealed: workspaceLlmSettings.apiKeySealed,
    })
    .from(workspaceLlmSettings)
    .where(eq(workspaceLlmSettings.workspaceId, params.workspaceId))
    .limit(1);
  return row;
}

/** Parameters of {@link saveWorkspaceLlmSettings}. */
export interface SaveWorkspaceLlmSettingsParams {
  workspaceId: string;
  baseUrl: string;
  model: string;
  /**
   * `{ sealed }` replaces the key (a sealed envelope, never plain text), `null` removes it, `undefined`
   * keeps the stored one.
   */
  apiKey: { sealed: string } | null | undefined;
}

/** Creates or replaces the workspace's provider; returns the summary as stored. */
export async function saveWorkspaceLlmSettings(
  db: Database,
  params: SaveWorkspaceLlmSettingsParams,
): Promise<WorkspaceLlmSettingsSummary> {
  const key =
    params.apiKey === undefined
      ? {}
      : params.apiKey === null
        ? { apiKeySealed: null, apiKeySetAt: null }
        : { apiKeySealed: params.apiKey.sealed, apiKeySetAt: sql`now()` };
  const [row] = await db
    .insert(workspaceLlmSettings)
    .values({ workspaceId: params.workspaceId, baseUrl: params.baseUrl, model: params.model, ...key })
    .onConflictDoUpdate({
      target: workspaceLlmSettings.workspaceId,
      set: { baseUrl: params.baseUrl, model: params.model, updatedAt: sql`now()`, ...key },
    })
    .returning({
      baseUrl: workspaceLlmSettings.baseUrl,
      model: workspaceLlmSettings.model,
      apiKeySetAt: workspaceLlmSettings.apiKeySetAt,
      updatedAt: workspaceLlmSettings.updatedAt,
    });
  if (row === undefined) throw new Error("upsert returned no row");
  return row;
}

/** Removes the workspace's provider (it falls back to the deployment's); true when there was one. */
export async function deleteWorkspaceLlmSettings(
  db: Database,
  params: { workspaceId: string },
): Promise<boolean> {
  if (!isUuid(params.workspaceId)) return false;
  const rows = await db
    .delete(workspaceLlmSettings)
    .where(eq(workspaceLlmSettings.workspaceId, params.workspaceId))
    .returning({ workspaceId: workspaceLlmSettings.workspaceId });
  return rows.length > 0;
}

/**
 * Replaces the sealed key with `next` only if it is still `previous` (re-encryption under a new KEK),
 * so a key an admin set meanwhile is never overwritten by a stale one. True when it was replaced.
 */
export async function resealWorkspaceLlmKey(
  db: Database,
  params: { workspaceId: string; previous: string; next: string },
): Promise<boolean> {
  const rows = await db
    .update(workspaceLlmSettings)
    .set({ apiKeySealed: params.next, updatedAt: sql`updated_at` })
    .where(
      and(
        eq(workspaceLlmSettings.workspaceId, params.workspaceId),
        eq(workspaceLlmSettings.apiKeySealed, params.previous),
      ),
    )
    .returning({ workspaceId: workspaceLlmSettings.workspaceId });
  return rows.length > 0;
}

/** How many workspaces store a sealed key (a boot check: they need the key-encryption key). */
export async function countSealedWorkspaceLlmKeys(db: Database): Promise<number> {
  const [row] = await db
    .select({ sealed: count() })
    .from(workspaceLlmSettings)
    .where(isNotNull(workspaceLlmSettings.apiKeySealed));
  return row?.sealed ?? 0;
}
