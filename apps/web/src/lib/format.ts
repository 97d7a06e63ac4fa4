/** Formats a duration or latency in milliseconds for people: "<1 ms", "12 ms", "1.4 s"; `null` means not measured. */
export function formatMs(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms) || ms < 0) return "—";
  if (ms < 1) return "<1 ms";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}

/** Clamps a progress figure from the server into the 0–100 range a progress bar accepts. */
export function clampPercent(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.min(100, Math.max(0, Math.round(value)));
}

/** Capitalises a machine name for display ("postgres" → "Postgres"). */
export function titleCase(name: string): string {
  return name.length === 0 ? name : `${name[0]?.toUpperCase() ?? ""}${name.slice(1)}`;
}
