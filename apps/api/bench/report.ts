import { loadavg } from "node:os";
import type { TopFrame } from "./cpu-profile";

/** One target's CPU profile, as the API process reported it. */
export interface TargetProfile {
  target: string;
  frames: TopFrame[];
  /** Self time by package (npm, ours, Node, runtime). */
  owners: TopFrame[];
}

/** The machine's load average, printed with every table: a loaded machine explains low figures. */
export function loadAverage(): string {
  return `load average ${loadavg()
    .map((value) => value.toFixed(2))
    .join(" ")}`;
}

export function printProfiles(profiles: readonly TargetProfile[]): void {
  for (const profile of profiles) {
    console.log(`\nAPI process self time — ${profile.target}`);
    const rows = Math.max(profile.frames.length, profile.owners.length);
    const cell = (entry: TopFrame | undefined) =>
      entry ? `${entry.selfPercent.toFixed(1).padStart(5)}%  ${entry.frame}` : "";
    console.log(`  ${"by frame".padEnd(70)}by package`);
    for (let row = 0; row < rows; row++) {
      console.log(`  ${cell(profile.frames[row]).padEnd(70)}${cell(profile.owners[row])}`);
    }
  }
}
