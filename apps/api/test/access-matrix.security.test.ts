import { describe, expect, it } from "vitest";
import { inputs, procedureRecord, procedures } from "./access-matrix";

describe("every procedure declares its access and has a matrix fixture", () => {
  it.each(procedures.map(([path]) => [path]))("%s", (path) => {
    expect(procedureRecord[path]?._def.meta?.access, `${path} has no access meta`).toBeDefined();
    expect(inputs[path], `${path} has no fixture in an access-matrix-inputs-*.ts file`).toBeDefined();
  });
});
