import { loadavg } from "node:os";
import type { TopFrame } from "./cpu-profile";

/** One target's CPU profile, as the API process reported it. */
export interface TargetProfile {
  target: string;
  frames: TopFrame[];
}

/** The machine's load average, printed with every table: a loaded machine explains low figures. */
export function loadAverage(): string {
  return `load average ${loadavg()
    .map((value) => value.toFixed(2))
    .join(" ")}`;
}

export function printProfiles(profiles: readonly TargetProfile[]): void {
  for (const profile of profiles) {
    console.log(`\ntop self-time frames (API process) — ${profile.target}`);
    for (const { frame, selfPercent } of profile.frames) {
      console.log(`  ${selfPercent.toFixed(1).padStart(5)}%  ${frame}`);
    }
  }
}
