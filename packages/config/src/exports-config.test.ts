import { describe, expect, it } from "vitest";
import { exportsConfig } from "./exports-config";
import { loadConfig } from "./load-config";

describe("exportsConfig", () => {
  it("keeps exported files one hour by default and reads EXPORT_TTL_SECONDS", () => {
    expect(loadConfig({}, exportsConfig()).exportTtlSeconds).toBe(3600);
    expect(loadConfig({ EXPORT_TTL_SECONDS: "120" }, exportsConfig()).exportTtlSeconds).toBe(120);
  });

  it("refuses a lifetime of zero or beyond a week, naming the variable", () => {
    expect(() => loadConfig({ EXPORT_TTL_SECONDS: "0" }, exportsConfig())).toThrow(/EXPORT_TTL_SECONDS/);
    expect(() => loadConfig({ EXPORT_TTL_SECONDS: "604801" }, exportsConfig())).toThrow(/EXPORT_TTL_SECONDS/);
  });
});
