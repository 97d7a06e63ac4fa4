import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./harness";
import { call, createWorkspace, signUp, type TestUser } from "./identity";
import { settledImport, settledRun, uploadImport } from "./imports";

let api: TestApi;
let owner: TestUser;
let stranger: TestUser;

/**
 * A workbook as HR keeps it: a hidden lookup sheet first, then "Summary" (the first visible sheet, no
 * people in it), then "People" with the staff and "Contractors".
 */
async function hrWorkbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet("Lookup", { state: "hidden" }).addRow(["Code", "Label"]);
  const summary = book.addWorksheet("Summary");
  summary.addRow(["Report", "Generated"]);
  summary.addRow(["Headcount", "2026-03-01"]);
  const people = book.addWorksheet("People");
  people.addRow(["Employee ID", "First Name", "Last Name", "Email"]);
  people.addRow(["00123", "Ana", "Silva", "ana@example.com"]);
  people.addRow(["00124", "Ben", "Okafor", "not-an-email"]);
  book.addWorksheet("Contractors").addRow(["Vendor", "Contact"]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

beforeAll(async () => {
  api = await startTestApi({ env: { RATE_LIMIT_UPLOAD_FREE: "1000/1h" } });
  owner = await signUp(api, "Operator");
  await createWorkspace(api, owner, "People Ops");
  stranger = await signUp(api, "Stranger");
  await createWorkspace(api, stranger, "Elsewhere");
});
afterAll(async () => {
  await api?.cleanup();
});

async function chooseSheet(user: TestUser, importId: string, sheet: string) {
  return call(api, "imports.chooseSheet", {
    cookie: user.cookie,
    type: "mutation",
    input: { importId, sheet },
  });
}

describe("imports.chooseSheet: a workbook read from the sheet the operator picks", () => {
  it("lists every sheet, re-analyses the chosen one (dropping the last check) and validates that sheet", async () => {
    const importId = await uploadImport(api, owner, "hr.xlsx", await hrWorkbook());
    const first = await settledImport(api, owner, importId);
    expect({ status: first.status, errorCode: first.errorCode }).toEqual({
      status: "mapped",
      errorCode: null,
    });
    expect(first.sniff).toMatchObject({ format: "xlsx", sheet: "Summary" });
    expect(first.sniff.sheets).toEqual([
      { name: "Lookup", isHidden: true },
      { name: "Summary", isHidden: false },
      { name: "People", isHidden: false },
      { name: "Contractors", isHidden: false },
    ]);
    expect(first.columns.map((column: { name: string }) => column.name)).toEqual(["Report", "Generated"]);
    const checked = await call(api, "imports.validate", {
      cookie: owner.cookie,
      type: "mutation",
      input: { importId },
    });
    await settledRun(api, checked.body.result.data.jobRunId);

    const chosen = await chooseSheet(owner, importId, "People");
    expect(chosen.status).toBe(200);
    expect(chosen.body.result.data).toMatchObject({ importId, status: "analysing" });
    await settledRun(api, chosen.body.result.data.jobRunId);
    const read = await call(api, "imports.byId", { cookie: owner.cookie, input: { importId } });
    const view = read.body.result.data;
    expect(view).toMatchObject({ status: "mapped", ledger: null, fixes: 0, sniff: { sheet: "People" } });
    expect(view.sniff.sheets).toHaveLength(4);
    expect(view.mapping.map((entry: { field: string | null }) => entry.field)).toEqual([
      "employeeId",
      "firstName",
      "lastName",
      "email",
    ]);
    const rows = await call(api, "imports.rows", {
      cookie: owner.cookie,
      input: { importId, filter: "all" },
    });
    expect(rows.body.result.data.items).toEqual([]);

    // Validation reads the chosen sheet: two people, one bad email.
    await call(api, "imports.setMapping", {
      cookie: owner.cookie,
      type: "mutation",
      input: {
        importId,
        mapping: view.mapping.map((entry: { column: string; field: string | null }) => ({
          column: entry.column,
          field: entry.field,
        })),
      },
    });
    const validation = await call(api, "imports.validate", {
      cookie: owner.cookie,
      type: "mutation",
      input: { importId },
    });
    await settledRun(api, validation.body.result.data.jobRunId);
    const validated = await call(api, "imports.byId", { cookie: owner.cookie, input: { importId } });
    expect(validated.body.result.data).toMatchObject({
      errorCode: null,
      ledger: { read: 2, valid: 1, rejectedTotal: 1 },
    });

    const audit = await call(api, "audit.list", { cookie: owner.cookie, input: {} });
    const event = audit.body.result.data.items.find(
      (item: { action: string }) => item.action === "imports.choose-sheet",
    );
    expect(event).toMatchObject({ targetId: importId });
  });

  it("refuses a sheet the workbook lacks, a CSV, another workspace's import and a run in progress", async () => {
    const workbook = await uploadImport(api, owner, "hr-again.xlsx", await hrWorkbook());
    expect((await settledImport(api, owner, workbook)).status).toBe("mapped");
    const missing = await chooseSheet(owner, workbook, "Payroll");
    expect(missing.status).toBe(400);
    expect(missing.body.error.data.code).toBe("VALIDATION_FAILED");

    const foreign = await chooseSheet(stranger, workbook, "People");
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.data.code).toBe("NOT_FOUND");

    const moving = await chooseSheet(owner, workbook, "People");
    expect(moving.status).toBe(200);
    const twice = await chooseSheet(owner, workbook, "Contractors");
    expect(twice.status).toBe(409);
    expect(twice.body.error.data.code).toBe("CONFLICT");
    await settledRun(api, moving.body.result.data.jobRunId);

    const csv = await uploadImport(api, owner, "people.csv", Buffer.from("Employee ID,Name\n1,Ana\n"));
    expect((await settledImport(api, owner, csv)).status).toBe("mapped");
    const notWorkbook = await chooseSheet(owner, csv, "Sheet1");
    expect(notWorkbook.status).toBe(409);
    expect(notWorkbook.body.error.data.code).toBe("CONFLICT");

    for (const input of [
      { importId: workbook, sheet: "" },
      { importId: workbook, sheet: "x".repeat(201) },
    ]) {
      const invalid = await call(api, "imports.chooseSheet", {
        cookie: owner.cookie,
        type: "mutation",
        input,
      });
      expect(invalid.status).toBe(400);
    }
  });
});
