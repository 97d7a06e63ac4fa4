import { describe, expect, it } from "vitest";
import { createObjectStore } from "./create-object-store";
import { isDiskStore } from "./disk-internals";

const disk = {
  rootDir: "/tmp/vitae-never-written",
  signingSecret: "z".repeat(32),
  publicUrl: "http://localhost:3000",
};

describe("createObjectStore", () => {
  it("uses S3 when a bucket is configured, even with disk settings present", () => {
    const store = createObjectStore({ s3: { bucket: "cvs", endpoint: "http://127.0.0.1:9" }, disk });
    expect(store.kind).toBe("s3");
    expect(isDiskStore(store)).toBe(false);
  });

  it("uses the disk driver when no bucket is configured", () => {
    const store = createObjectStore({ disk });
    expect(store.kind).toBe("disk");
    expect(isDiskStore(store)).toBe(true);
    expect(createObjectStore({ s3: { bucket: "" }, disk }).kind).toBe("disk");
    expect(createObjectStore({ s3: { bucket: undefined, region: "eu-west-1" }, disk }).kind).toBe("disk");
  });

  it("fails at start-up without a bucket and without a signing secret", () => {
    expect(() => createObjectStore({})).toThrow(expect.objectContaining({ code: "INTERNAL" }));
    expect(() => createObjectStore({ disk: { ...disk, signingSecret: undefined } })).toThrow(
      expect.objectContaining({ code: "INTERNAL" }),
    );
  });
});
