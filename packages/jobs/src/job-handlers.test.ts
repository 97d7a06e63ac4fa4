import { jobDefinitions } from "@vitae/queue";
import { expect, it } from "vitest";
import type { JobHandlerMap } from "./handler-types";
import { jobHandlers } from "./job-handlers";

it("has exactly one handler per defined job", () => {
  expect(Object.keys(jobHandlers).sort()).toEqual(Object.keys(jobDefinitions).sort());
});

it("makes a missing handler a compile error", () => {
  // @ts-expect-error — `typecheck` fails if a map without "system.run-self-test" ever compiles.
  const incomplete = {} satisfies JobHandlerMap;
  expect(incomplete).toEqual({});
});
