/**
 * Memoises a pure function of one string. Bulk scoring (a ranking scores thousands of profiles against
 * one posting) asks the same questions over and over — the same requirement's words, the same skill's
 * canonical name — so answering each once saves most of the work. The cache is emptied when it reaches
 * `limit` entries, which bounds a long-running worker's memory whatever it scores.
 */
export function memoised<T>(limit: number, compute: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    const hit = cache.get(key);
    if (hit !== undefined || cache.has(key)) return hit as T;
    if (cache.size >= limit) cache.clear();
    const value = compute(key);
    cache.set(key, value);
    return value;
  };
}
