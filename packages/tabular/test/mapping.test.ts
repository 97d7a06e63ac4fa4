import { describe, expect, it } from "vitest";
import {
  autoMap,
  createProfiler,
  employeeEntity,
  fingerprintHeaders,
  type LlmMappingRequest,
  learnedAliasesFrom,
  mapColumns,
  maskSample,
} from "../src/index";

function columnsOf(headers: string[], rows: string[][]) {
  const profiler = createProfiler(headers);
  for (const row of rows) profiler.add(row);
  const profiles = profiler.finish();
  return headers.map((name, index) => ({ name, profile: profiles[index] }));
}

describe("mapColumns", () => {
  it("maps exact names, multilingual aliases and fuzzy names, each with a reason and alternatives", () => {
    const columns = columnsOf(
      ["employeeId", "Fecha de alta", "Vorname", "Adress Line 1", "Lieu de travail"],
      [["1", "01/02/2020", "Ana", "Main St 1", "Paris"]],
    );
    const mapping = mapColumns({ entity: employeeEntity, columns });
    expect(mapping.map((entry) => [entry.field, entry.source])).toEqual([
      ["employeeId", "exact"],
      ["hireDate", "alias"],
      ["firstName", "alias"],
      ["address", "fuzzy"],
      ["location", "alias"],
    ]);
    expect(mapping[1]?.reason).toBe(
      '"Fecha de alta" is a known Spanish name for this field; values look like dates',
    );
    for (const entry of mapping) {
      expect(entry.confidence).toBeGreaterThan(0.6);
      expect(entry.reason.length).toBeGreaterThan(10);
    }
    expect(mapping[0]?.alternatives.every((alternative) => alternative.field !== "employeeId")).toBe(true);
  });

  it("abstains on columns nothing fits, with a reason", () => {
    const mapping = mapColumns({
      entity: employeeEntity,
      columns: columnsOf(["Shirt size", "Column1"], [["M", "x"]]),
    });
    expect(mapping.map((entry) => entry.field)).toEqual([null, null]);
    expect(mapping.every((entry) => entry.source === "none" && entry.reason.length > 0)).toBe(true);
  });

  it("assigns one-to-one: two columns never share a field", () => {
    const mapping = mapColumns({
      entity: employeeEntity,
      columns: columnsOf(["Email", "E-mail", "Mail"], [["a@gmail.com", "b@gmail.com", "c@gmail.com"]]),
    });
    const fields = mapping.flatMap((entry) => (entry.field ? [entry.field] : []));
    expect(new Set(fields).size).toBe(fields.length);
    expect(fields).toContain("email");
  });

  it("lets value evidence decide between personal and work email", () => {
    const corporate = mapColumns({
      entity: employeeEntity,
      columns: columnsOf(["Email"], [["ana@acme-corp.com"], ["bo@acme-corp.com"]]),
    });
    const personal = mapColumns({
      entity: employeeEntity,
      columns: columnsOf(["Email"], [["ana@gmail.com"], ["bo@yahoo.com"]]),
    });
    expect(corporate[0]?.field).toBe("workEmail");
    expect(personal[0]?.field).toBe("email");
  });

  it("uses workspace-learned aliases", () => {
    const columns = columnsOf(["Kennziffer"], [["A-1"]]);
    expect(mapColumns({ entity: employeeEntity, columns })[0]?.field).toBeNull();
    const learned = mapColumns({
      entity: employeeEntity,
      columns,
      learnedAliases: [{ header: "kennziffer", field: "employeeId" }],
    });
    expect(learned[0]).toMatchObject({ field: "employeeId", source: "learned", confidence: 0.98 });
  });

  it("maps from memory at confidence 1 when the header fingerprint matches, whatever the column order", () => {
    const headers = ["Kennziffer", "Vorname"];
    const remembered = {
      fingerprint: fingerprintHeaders(["VORNAME ", "kennziffer"]),
      mapping: [
        { column: "Kennziffer", field: "employeeId" },
        { column: "Vorname", field: "firstName" },
      ],
    };
    const mapping = mapColumns({
      entity: employeeEntity,
      columns: headers.map((name) => ({ name })),
      remembered,
    });
    expect(mapping.map((entry) => [entry.field, entry.confidence, entry.source])).toEqual([
      ["employeeId", 1, "memory"],
      ["firstName", 1, "memory"],
    ]);
    expect(fingerprintHeaders(["a", "b"])).not.toBe(fingerprintHeaders(["a", "c"]));
    expect(learnedAliasesFrom(remembered.mapping)).toEqual([
      { header: "Kennziffer", field: "employeeId" },
      { header: "Vorname", field: "firstName" },
    ]);
  });
});

describe("autoMap with an LLM", () => {
  const columns = columnsOf(
    ["Employee ID", "Kennziffer", "Zuständige Person"],
    [
      ["1", "A-1", "Ana Silva"],
      ["2", "A-2", "Bo Li"],
      ["3", "A-3", "Cy Ng"],
    ],
  );

  it("sends only leftover columns, with at most two masked samples, and takes free fields", async () => {
    const requests: LlmMappingRequest[] = [];
    const result = await autoMap({
      entity: employeeEntity,
      columns,
      llm: async (request) => {
        requests.push(request);
        return [
          { column: "Kennziffer", field: "costCenter", confidence: 0.95, reason: "internal code" },
          { column: "Zuständige Person", field: "employeeId", confidence: 0.9, reason: "taken field" },
        ];
      },
    });
    expect(requests).toHaveLength(1);
    expect(requests[0]?.columns).toEqual([
      { header: "Kennziffer", samples: ["X-9", "X-9"] },
      { header: "Zuständige Person", samples: ["Xxx Xxxxx", "Xx Xx"] },
    ]);
    expect(requests[0]?.fields.some((field) => field.name === "employeeId")).toBe(false);
    expect(result.llm).toBe("used");
    expect(result.mapping[1]).toMatchObject({ field: "costCenter", confidence: 0.8, source: "llm" });
    expect(result.mapping[2]?.field).toBeNull();
  });

  it("keeps the abstentions when the model fails or answers nonsense", async () => {
    const failed = await autoMap({ entity: employeeEntity, columns, llm: async () => ({ not: "an array" }) });
    expect(failed.llm).toBe("failed");
    expect(failed.mapping[1]?.field).toBeNull();
    expect((await autoMap({ entity: employeeEntity, columns })).llm).toBe("not-configured");
  });

  it("masks letters and digits but keeps the shape", () => {
    expect(maskSample("Ana.Silva@acme.com")).toBe("Xxx.Xxxxx@xxxx.xxx");
    expect(maskSample("+49 170 1234567")).toBe("+99 999 9999999");
  });
});
