import { type Database, getProfileVersion, getProfileView, type ProfileView } from "@vitae/db";

/** Profiles whose view a process keeps; the least recently asked one goes first. */
const defaultMaxEntries = 500;

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * Profile views cached per process and per profile version (`getProfileVersion`, changed by every
 * correction and re-parse): each question reads the version — one prepared primary-key read — and
 * loads the whole view (every fact) only when the version is new to this process. A view is read after
 * its version, so a cached view is never older than its key; views are frozen because every request
 * of that version shares one.
 */
export function createProfileViewCache(db: Database, maxEntries = defaultMaxEntries) {
  const entries = new Map<string, { version: string; view: ProfileView }>();
  return {
    /** Profile `profileId` of `workspaceId` as of now, or `undefined` (missing, malformed, another workspace's). */
    async get(params: { workspaceId: string; profileId: string }): Promise<ProfileView | undefined> {
      const version = await getProfileVersion(db, params);
      if (version === undefined) return undefined;
      const key = `${params.workspaceId}:${params.profileId}`;
      const cached = entries.get(key);
      entries.delete(key);
      if (cached?.version === version) {
        entries.set(key, cached);
        return cached.view;
      }
      const view = await getProfileView(db, params);
      if (view === undefined) return undefined;
      entries.set(key, { version, view: deepFreeze(view) });
      if (entries.size > maxEntries) {
        const oldest = entries.keys().next();
        if (!oldest.done) entries.delete(oldest.value);
      }
      return view;
    },
  };
}

export type ProfileViewCache = ReturnType<typeof createProfileViewCache>;
