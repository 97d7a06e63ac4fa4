import type { Fixture } from "./access-matrix-world";

/** Access-matrix fixtures of the imports router (uploads, mapping, validation, fixes, exports and mapping memory). */
export const importInputs: Record<string, Fixture> = {
  "imports.createUpload": {
    input: () => ({ filename: "people.csv", contentType: "text/csv", size: 100, entity: "employee" }),
  },
  "imports.finalize": {
    input: (w) => ({ importId: w.importIdA }),
    foreign: (w) => ({ importId: w.importIdA }),
  },
  "imports.byId": {
    input: (w) => ({ importId: w.importIdA }),
    foreign: (w) => ({ importId: w.importIdA }),
  },
  "imports.list": { input: () => ({}) },
  "imports.phoneRegions": { input: () => ({}) },
  "imports.setMapping": {
    input: (w) => ({ importId: w.importIdA, mapping: [{ column: "Name", field: "fullName" }] }),
    foreign: (w) => ({ importId: w.importIdA, mapping: [{ column: "Name", field: "fullName" }] }),
  },
  "imports.chooseSheet": {
    input: (w) => ({ importId: w.importIdA, sheet: "People" }),
    foreign: (w) => ({ importId: w.importIdA, sheet: "People" }),
  },
  "imports.delete": {
    input: (w) => ({ importId: w.importIdA }),
    foreign: (w) => ({ importId: w.importIdA }),
  },
  "imports.progress": {
    input: (w) => ({ importId: w.importIdA }),
    foreign: (w) => ({ importId: w.importIdA }),
  },
  "imports.validate": {
    input: (w) => ({ importId: w.importIdA }),
    foreign: (w) => ({ importId: w.importIdA }),
  },
  "imports.rows": {
    input: (w) => ({ importId: w.importIdA, filter: "errors" }),
    foreign: (w) => ({ importId: w.importIdA, filter: "all" }),
  },
  "imports.fix": {
    input: (w) => ({ importId: w.importIdA, field: "fullName", transform: "titleCase" }),
    foreign: (w) => ({ importId: w.importIdA, field: "fullName", transform: "titleCase" }),
  },
  "imports.export": {
    input: (w) => ({ importId: w.importIdA, format: "csv", invalidRows: "exclude" }),
    foreign: (w) => ({ importId: w.importIdA, format: "xml", invalidRows: "include" }),
  },
  "imports.downloadRejected": {
    input: (w) => ({ exportId: w.importExportIdA }),
    foreign: (w) => ({ exportId: w.importExportIdA }),
  },
  "imports.mappings.list": { input: () => ({}) },
  "imports.mappings.delete": {
    input: (w) => ({ mappingId: w.mappingIdA }),
    foreign: (w) => ({ mappingId: w.mappingIdA }),
  },
};
