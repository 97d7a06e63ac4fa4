import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defaultJobOptions, defineJob } from "./define-job";
import { isJobName, jobDefinitions, queueNames } from "./job-definitions";

describe("defineJob", () => {
  it("overlays the given options on the defaults", () => {
    const job = defineJob({
      name: "documents.parse-resume",
      queue: "documents",
      schema: z.object({}),
      options: { attempts: 5 },
    });
    expect(job.options).toEqual({ ...defaultJobOptions, attempts: 5 });
    expect(Object.isFrozen(job.options)).toBe(true);
  });

  it.each([
    "parse",
    "Documents.parse-resume",
    "documents.Parse",
    "documents.parse-",
    "a.b-c.d",
    "documents.",
  ])("rejects the job name %s", (name) => {
    expect(() => defineJob({ name: name as "x.y", queue: "documents", schema: z.object({}) })).toThrow(
      /domain\.verb-noun/,
    );
  });

  it.each(["", "bull:documents", "Documents", "with space"])("rejects the queue name %j", (queue) => {
    expect(() => defineJob({ name: "documents.parse-resume", queue, schema: z.object({}) })).toThrow(
      /queue name/i,
    );
  });
});

describe("jobDefinitions", () => {
  it("keys every definition by its own name", () => {
    for (const [name, definition] of Object.entries(jobDefinitions)) expect(definition.name).toBe(name);
  });

  it("lists each queue once", () => {
    expect(queueNames).toEqual(["system", "documents", "maintenance", "imports", "exports", "matching"]);
  });

  it("recognises only defined names", () => {
    expect(isJobName("system.run-self-test")).toBe(true);
    expect(isJobName("toString")).toBe(false);
    expect(isJobName("system.unknown-job")).toBe(false);
  });

  it("applies the self-test payload default and refuses oversize probes", () => {
    const { schema } = jobDefinitions["system.run-self-test"];
    expect(schema.parse({})).toEqual({ probeBytes: 1024 });
    expect(schema.safeParse({ probeBytes: 64 * 1024 + 1 }).success).toBe(false);
  });
});
