import { describe, expect, it } from "vitest";
import { ConfigError } from "./config-error";
import { documentsConfig } from "./documents-config";
import { loadConfig } from "./load-config";

describe("documentsConfig", () => {
  it("has plan caps and extraction limits by default", () => {
    expect(loadConfig({}, documentsConfig())).toEqual({
      uploadMaxBytes: { free: 5_242_880, pro: 26_214_400 },
      extractionTimeoutMs: 20_000,
      extractionMaxMemoryMb: 256,
    });
  });

  it("reads overrides and names out-of-range variables", () => {
    expect(loadConfig({ UPLOAD_MAX_BYTES_PRO: "1048576" }, documentsConfig()).uploadMaxBytes.pro).toBe(
      1_048_576,
    );
    expect(() => loadConfig({ EXTRACTION_MAX_MEMORY_MB: "1" }, documentsConfig())).toThrow(ConfigError);
    expect(() => loadConfig({ EXTRACTION_MAX_MEMORY_MB: "1" }, documentsConfig())).toThrow(
      /EXTRACTION_MAX_MEMORY_MB/,
    );
  });
});
