import { describe, expect, it } from "vitest";
import {
  applyFix,
  createRowValidator,
  employeeEntity,
  openCsv,
  positionEntity,
  type ValidationPlan,
  validateSource,
} from "../src/index";
import { HashTable53, hash53, keyOnly } from "../src/validate/hash-table";
import { collect, inputOf, utf8 } from "./support";

const headers = [
  "ID",
  "First",
  "Last",
  "Email",
  "Phone",
  "Hired",
  "Left",
  "Status",
  "Manager",
  "Skills",
  "Salary",
];
const fields = [
  "employeeId",
  "firstName",
  "lastName",
  "email",
  "phone",
  "hireDate",
  "terminationDate",
  "status",
  "managerId",
  "skills",
  "salary",
];
const plan = (overrides: Partial<ValidationPlan> = {}): ValidationPlan => ({
  entity: employeeEntity,
  headers,
  mapping: fields.map((field, columnIndex) => ({ columnIndex, field })),
  dateOrders: { hireDate: "dmy", terminationDate: "dmy" },
  defaultCountry: "DE",
  ...overrides,
});
const row = (line: number, cells: string[]) => ({ line, cells });
const base = [
  "1",
  "Ana",
  "Silva",
  " Ana.Silva@Example.COM ",
  "030 1234567",
  "15/03/2020",
  "",
  "aktiv",
  "",
  "SQL; Excel | Python",
  "72.000,50",
];

describe("createRowValidator", () => {
  it("normalises a valid row: lower-cased email, E.164 phone, ISO dates, enum, list, number", () => {
    const result = createRowValidator(plan()).validate(row(2, base));
    expect(result.status).toBe("valid");
    expect({ ...result.record }).toEqual({
      employeeId: "1",
      firstName: "Ana",
      lastName: "Silva",
      email: "ana.silva@example.com",
      phone: "+49301234567",
      hireDate: "2020-03-15",
      terminationDate: null,
      status: "active",
      managerId: null,
      skills: ["SQL", "Excel", "Python"],
      salary: 72000.5,
    });
  });

  it("reports every error with line, column, field, code and the clamped value", () => {
    const cells = ["2", "", "Silva", "not-an-email", "12", "31/02/2020", "", "retired", "", "", "lots"];
    cells[2] = "x".repeat(500);
    const result = createRowValidator(plan()).validate(row(7, cells));
    expect(result.status).toBe("invalid");
    expect(result.errors.map((error) => [error.field, error.code])).toEqual([
      ["firstName", "REQUIRED"],
      ["lastName", "TOO_LONG"],
      ["email", "INVALID_EMAIL"],
      ["phone", "INVALID_PHONE"],
      ["hireDate", "INVALID_DATE"],
      ["status", "INVALID_ENUM"],
      ["salary", "INVALID_NUMBER"],
    ]);
    expect(result.errors[1]).toMatchObject({ line: 7, column: "Last", value: `${"x".repeat(79)}…` });
  });

  it("reads a phone cell as the number itself: written styles pass, a number inside text does not", () => {
    const validator = createRowValidator(plan());
    const phoneOf = (value: string, line: number) => {
      const cells = [...base];
      cells[0] = String(line);
      cells[4] = value;
      return validator.validate(row(line, cells));
    };
    for (const [index, written] of [
      "+49 30 1234567",
      "030/1234567",
      "(030) 123-4567",
      "0049 30 1234567",
    ].entries()) {
      expect(phoneOf(written, 10 + index).record.phone).toBe("+49301234567");
    }
    expect(phoneOf("Tel.: 030 1234567 (Zentrale)", 20).errors.map((error) => error.code)).toEqual([
      "INVALID_PHONE",
    ]);
  });

  it("suggests the closest enum value", () => {
    const cells = [...base];
    cells[7] = "activ";
    expect(createRowValidator(plan()).validate(row(2, cells)).errors[0]).toMatchObject({
      code: "INVALID_ENUM",
      suggestion: "active",
    });
  });

  it("flags ambiguous dates in an ambiguous column instead of guessing", () => {
    const validator = createRowValidator(plan({ dateOrders: { hireDate: "ambiguous" } }));
    const ambiguous = [...base];
    ambiguous[5] = "03/04/2020";
    expect(validator.validate(row(2, ambiguous)).errors[0]).toMatchObject({
      field: "hireDate",
      code: "AMBIGUOUS_DATE",
    });
    const clear = [...base];
    clear[0] = "2";
    clear[5] = "13/04/2020";
    expect(validator.validate(row(3, clear)).record.hireDate).toBe("2020-04-13");
    const monthFirst = createRowValidator(plan({ dateOrders: { hireDate: "mdy" } })).validate(
      row(2, ambiguous),
    );
    expect(monthFirst.record.hireDate).toBe("2020-03-04");
  });

  it("checks end ≥ start", () => {
    const cells = [...base];
    cells[6] = "01/01/2019";
    expect(createRowValidator(plan()).validate(row(2, cells)).errors).toMatchObject([
      { field: "terminationDate", code: "DATE_ORDER", value: "2019-01-01" },
    ]);
  });

  it("separates exact duplicate rows, duplicate keys, empty rows and extra cells", () => {
    const validator = createRowValidator(plan());
    expect(validator.validate(row(2, base)).status).toBe("valid");
    expect(validator.validate(row(3, base)).status).toBe("duplicate");
    const sameKey = [...base];
    sameKey[1] = "Other";
    expect(validator.validate(row(4, sameKey)).errors).toMatchObject([
      { field: "employeeId", code: "DUPLICATE_VALUE" },
    ]);
    expect(
      validator.validate(
        row(
          5,
          headers.map(() => " "),
        ),
      ).status,
    ).toBe("empty");
    const extra = [...base, "surprise"];
    extra[0] = "9";
    expect(validator.validate(row(6, extra)).errors).toMatchObject([
      { field: null, column: null, code: "EXTRA_CELLS" },
    ]);
  });

  it("keeps non-key unique fields unique within the file", () => {
    const validator = createRowValidator(
      plan({
        headers: ["ID", "Work"],
        mapping: [
          { columnIndex: 0, field: "employeeId" },
          { columnIndex: 1, field: "workEmail" },
        ],
      }),
    );
    expect(validator.validate(row(2, ["1", "ana@acme.com"])).status).toBe("valid");
    expect(validator.validate(row(3, ["2", "ANA@acme.com"])).errors).toMatchObject([
      { field: "workEmail", code: "DUPLICATE_VALUE" },
    ]);
    expect(validator.validate(row(4, ["3", "bo@acme.com"])).status).toBe("valid");
  });

  it("applies fixes before validating, and value maps match own keys only", () => {
    const validator = createRowValidator(
      plan({ fixes: [{ kind: "valueMap", field: "status", map: { retired: "terminated" } }] }),
    );
    const cells = [...base];
    cells[7] = "retired";
    expect(validator.validate(row(2, cells)).record.status).toBe("terminated");
    expect(applyFix("__proto__", { kind: "valueMap", field: "status", map: {} })).toBe("__proto__");
    expect(applyFix("constructor", { kind: "valueMap", field: "status", map: { x: "y" } })).toBe(
      "constructor",
    );
    expect(applyFix(" ana  MARIA ", { kind: "transform", field: "firstName", transform: "titleCase" })).toBe(
      " Ana  Maria ",
    );
    expect(
      applyFix("00123", { kind: "transform", field: "employeeId", transform: "removeLeadingZeros" }),
    ).toBe("123");
  });

  it("rejects boolean and URL values it cannot read", () => {
    const validator = createRowValidator({
      entity: positionEntity,
      headers: ["Req", "Title", "Remote"],
      mapping: [
        { columnIndex: 0, field: "positionId" },
        { columnIndex: 1, field: "title" },
        { columnIndex: 2, field: "remote" },
      ],
    });
    expect(validator.validate(row(2, ["R1", "Dev", "sí"])).record.remote).toBe(true);
    expect(validator.validate(row(3, ["R2", "Dev", "maybe"])).errors[0]?.code).toBe("INVALID_BOOLEAN");
  });
});

describe("validateSource", () => {
  it("resolves managers listed below their reports (two passes) and flags unknown ones", async () => {
    const csv =
      "ID;First;Last;Hired;Manager\n2;Bo;Li;01/02/2020;1\n3;Cy;Ng;01/02/2020;99\n1;Ana;Silva;01/02/2019;\n";
    const source = await openCsv(inputOf(utf8(csv)));
    const { rows, stats } = validateSource(source, {
      entity: employeeEntity,
      headers: source.headers,
      mapping: ["employeeId", "firstName", "lastName", "hireDate", "managerId"].map((field, columnIndex) => ({
        columnIndex,
        field,
      })),
      dateOrders: { hireDate: "dmy" },
    });
    const validated = await collect(rows);
    expect(
      validated.map((entry) => [entry.line, entry.status, entry.errors.map((error) => error.code)]),
    ).toEqual([
      [2, "valid", []],
      [3, "invalid", ["UNKNOWN_REFERENCE"]],
      [4, "valid", []],
    ]);
    expect(stats).toEqual({ read: 3, referencesChecked: true });
  });

  it("fills the reference pass's key table instead of a second one: first rows valid, repeats caught", () => {
    const keyTable = new HashTable53();
    for (const key of ["1", "2"]) keyTable.add(hash53(key));
    expect(keyTable.get(hash53("1"))).toBe(keyOnly);
    const validator = createRowValidator(plan(), undefined, { keyTable });
    expect(validator.validate(row(2, base)).status).toBe("valid");
    expect(keyTable.get(hash53("1"))).not.toBe(keyOnly);
    expect(validator.validate(row(3, base)).status).toBe("duplicate");
    const changed = [...base];
    changed[1] = "Anna";
    expect(validator.validate(row(4, changed)).errors).toMatchObject([
      { field: "employeeId", code: "DUPLICATE_VALUE" },
    ]);
    const second = [...base];
    second[0] = "2";
    expect(validator.validate(row(5, second)).status).toBe("valid");
  });

  it("keeps keys unique and rows deduplicated when the key is also a reference target", async () => {
    const csv =
      "ID;First;Last;Hired;Manager\n2;Bo;Li;01/02/2020;1\n1;Ana;Silva;01/02/2019;\n2;Bo;Li;01/02/2020;1\n2;Cy;Li;01/02/2020;1\n3;Di;Ng;01/02/2020;4\n";
    const source = await openCsv(inputOf(utf8(csv)));
    const { rows } = validateSource(source, {
      entity: employeeEntity,
      headers: source.headers,
      mapping: ["employeeId", "firstName", "lastName", "hireDate", "managerId"].map((field, columnIndex) => ({
        columnIndex,
        field,
      })),
      dateOrders: { hireDate: "dmy" },
    });
    const validated = await collect(rows);
    expect(validated.map((entry) => [entry.status, entry.errors.map((error) => error.code)])).toEqual([
      ["valid", []],
      ["valid", []],
      ["duplicate", []],
      ["invalid", ["DUPLICATE_VALUE"]],
      ["invalid", ["UNKNOWN_REFERENCE"]],
    ]);
  });

  it("refuses a mapping that names an unknown field or maps a field twice", () => {
    expect(() => createRowValidator(plan({ mapping: [{ columnIndex: 0, field: "nope" }] }))).toThrow(
      expect.objectContaining({ code: "MAPPING_INVALID" }),
    );
    expect(() =>
      createRowValidator(
        plan({
          mapping: [
            { columnIndex: 0, field: "employeeId" },
            { columnIndex: 1, field: "employeeId" },
          ],
        }),
      ),
    ).toThrow(expect.objectContaining({ code: "MAPPING_INVALID" }));
  });
});
