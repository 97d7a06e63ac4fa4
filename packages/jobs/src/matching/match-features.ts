import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import {
  type Database,
  getProfileVersion,
  getProfileView,
  listProfileViews,
  type ProfileMatchFeaturesRow,
  storeProfileMatchFeatures,
} from "@vitae/db";
import { type MatchFeatures, matchFeaturesOf, matchFeaturesVersion } from "@vitae/matching";
import { matchProfileOf } from "./match-profile";

/**
 * Profiles analysed or scored between two yields to the event loop: a ranking runs in the same process as
 * the API in embedded mode, and a page analysed in one go would stall its requests for a second or more.
 */
export const matchSliceSize = 100;

/**
 * Computes the match features of the given profile versions of `workspaceId` from their stored facts
 * (at most 1000 per call). A profile deleted meanwhile has none. Each row carries the version read
 * before its facts, so features stored from it are never labelled newer than what they were made of.
 */
export async function computeMatchFeatures(
  db: Database,
  params: { workspaceId: string; profiles: readonly { id: string; version: string }[] },
): Promise<Map<string, ProfileMatchFeaturesRow & { features: MatchFeatures }>> {
  const computed = new Map<string, ProfileMatchFeaturesRow & { features: MatchFeatures }>();
  if (params.profiles.length === 0) return computed;
  const versions = new Map(params.profiles.map((profile) => [profile.id, profile.version]));
  const views = await listProfileViews(db, {
    workspaceId: params.workspaceId,
    profileIds: [...versions.keys()],
    limit: params.profiles.length,
  });
  for (const [index, view] of views.entries()) {
    if (index > 0 && index % matchSliceSize === 0) await yieldToEventLoop();
    const profileVersion = versions.get(view.id);
    if (profileVersion === undefined) continue;
    computed.set(view.id, {
      profileId: view.id,
      profileVersion,
      features: matchFeaturesOf(matchProfileOf(view)),
    });
  }
  return computed;
}

/** Stores computed features (see `storeProfileMatchFeatures`: a cache, so a vanished profile is skipped). */
export function storeMatchFeatures(
  db: Database,
  params: { workspaceId: string; rows: readonly ProfileMatchFeaturesRow[] },
): Promise<void> {
  return storeProfileMatchFeatures(db, { ...params, featuresVersion: matchFeaturesVersion });
}

/**
 * Computes and stores the match features of profile `profileId` right after it was saved, so the first
 * ranking that covers it reads them instead of analysing its facts. Missing profile: nothing to do.
 */
export async function refreshMatchFeatures(
  db: Database,
  params: { workspaceId: string; profileId: string },
): Promise<void> {
  const version = await getProfileVersion(db, params);
  if (version === undefined) return;
  const view = await getProfileView(db, params);
  if (view === undefined) return;
  const features = matchFeaturesOf(matchProfileOf(view));
  await storeMatchFeatures(db, {
    workspaceId: params.workspaceId,
    rows: [{ profileId: view.id, profileVersion: version, features }],
  });
}
