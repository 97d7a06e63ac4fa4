import type { Profiler } from "node:inspector";
import { Session } from "node:inspector/promises";
import { fileURLToPath } from "node:url";

/** One frame's share of a profile: self time (samples landing in it), as a percentage of all samples. */
export interface TopFrame {
  frame: string;
  selfPercent: number;
}

/**
 * A CPU profiler for the current thread (the API process's own event loop), started and stopped around
 * each target so every target gets its own profile.
 */
export async function createThreadProfiler() {
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  // 100 µs: fine enough to see the per-request frames of a sub-millisecond handler.
  await session.post("Profiler.setSamplingInterval", { interval: 100 });
  return {
    start: () => session.post("Profiler.start"),
    stop: async (): Promise<Profiler.Profile> => (await session.post("Profiler.stop")).profile,
    close: () => session.disconnect(),
  };
}

const repositoryRoot = fileURLToPath(new URL("../../../", import.meta.url));

function frameName(node: Profiler.ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const path = url.replace(/^file:\/\//, "");
  const inModules = path.lastIndexOf("/node_modules/");
  const file = inModules >= 0 ? path.slice(inModules + 14) : path.replace(repositoryRoot, "");
  return `${functionName || "(anonymous)"} ${file ? `${file}:${lineNumber + 1}` : ""}`.trim();
}

/**
 * Where a frame's code lives: an npm package (`@trpc/server`), one of ours (`packages/db`, `apps/api`),
 * Node itself (`node:`) or the runtime (`(garbage collector)`, `(idle)`, native frames).
 */
function ownerOf(node: Profiler.ProfileNode): string {
  const path = node.callFrame.url.replace(/^file:\/\//, "");
  if (path === "") {
    // V8's own buckets — "(garbage collector)", "(idle)", "(program)" — or a native binding (writev).
    const { functionName } = node.callFrame;
    return functionName.startsWith("(") ? functionName : "(native)";
  }
  if (path.startsWith("node:")) return "node:";
  const inModules = path.lastIndexOf("/node_modules/");
  if (inModules >= 0) {
    const [scopeOrName, name] = path.slice(inModules + 14).split("/");
    return scopeOrName?.startsWith("@") ? `${scopeOrName}/${name}` : (scopeOrName ?? path);
  }
  const [area, name] = path.replace(repositoryRoot, "").split("/");
  return `${area}/${name}`;
}

/** Self time summed by `keyOf` over every sampled node, the `limit` largest first, as percentages. */
function selfTimeBy(
  profile: Profiler.Profile,
  keyOf: (node: Profiler.ProfileNode) => string,
  limit: number,
): TopFrame[] {
  const totals = new Map<string, number>();
  let samples = 0;
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    if (hits === 0) continue;
    samples += hits;
    const key = keyOf(node);
    totals.set(key, (totals.get(key) ?? 0) + hits);
  }
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([frame, hits]) => ({ frame, selfPercent: Math.round((hits / Math.max(1, samples)) * 1000) / 10 }));
}

/**
 * Self time by where the code lives (see `ownerOf`): says which layer the per-request cost is in when
 * no single frame stands out.
 */
export function selfTimeByOwner(profile: Profiler.Profile, limit = 10): TopFrame[] {
  return selfTimeBy(profile, ownerOf, limit);
}

/**
 * The `limit` frames with the most self time, merged by name and location. Idle and GC samples are
 * listed too (they say whether the thread was busy at all).
 */
export function topFrames(profile: Profiler.Profile, limit = 8): TopFrame[] {
  return selfTimeBy(profile, frameName, limit);
}
