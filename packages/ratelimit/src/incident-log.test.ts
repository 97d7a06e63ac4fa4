import { describe, expect, it } from "vitest";
import { captureLogs } from "../test/support";
import { createIncidentLog } from "./incident-log";

const failure = { tier: "auth", policy: "fail-closed", reason: "timeout", error: new Error("slow") } as const;

function setup() {
  const logs = captureLogs();
  const incidents = createIncidentLog(logs.logger);
  const levels = () => logs.lines().map((line) => line.level);
  return { incidents, logs, levels };
}

describe("createIncidentLog", () => {
  it("logs nothing while checks succeed", () => {
    const { incidents, levels } = setup();
    for (let call = 0; call < 3; call += 1) incidents.succeeded(incidents.begin());
    expect(levels()).toEqual([]);
  });

  it("warns at the first failure only and reports the degraded count on recovery", () => {
    const { incidents, logs } = setup();
    for (let call = 0; call < 4; call += 1) incidents.failed(incidents.begin(), failure);
    incidents.succeeded(incidents.begin());
    incidents.succeeded(incidents.begin());
    const lines = logs.lines();
    expect(lines).toEqual([
      expect.objectContaining({ level: 40, tier: "auth", policy: "fail-closed", reason: "timeout" }),
      expect.objectContaining({ level: 30, degradedDecisions: 4, durationMs: expect.any(Number) }),
    ]);
    expect((lines[0]?.err as { message?: string } | undefined)?.message).toBe("slow");
  });

  it("ignores a failure of a check that started before the check that ended the incident", () => {
    const { incidents, levels } = setup();
    incidents.failed(incidents.begin(), failure);
    const stale = incidents.begin();
    incidents.succeeded(incidents.begin());
    incidents.failed(stale, failure);
    expect(levels()).toEqual([40, 30]);
  });

  it("ignores a success of a check that started before the check that opened the incident", () => {
    const { incidents, levels } = setup();
    const stale = incidents.begin();
    incidents.failed(incidents.begin(), failure);
    incidents.succeeded(stale);
    incidents.failed(incidents.begin(), failure);
    expect(levels()).toEqual([40]);
  });

  it("opens a new incident for fresh evidence after a recovery", () => {
    const { incidents, levels } = setup();
    incidents.failed(incidents.begin(), failure);
    incidents.succeeded(incidents.begin());
    incidents.failed(incidents.begin(), failure);
    expect(levels()).toEqual([40, 30, 40]);
  });
});
