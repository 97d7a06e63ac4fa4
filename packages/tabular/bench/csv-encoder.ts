import { stringify } from "csv-stringify/sync";
import { employeeEntity } from "../src/index";
import { csvRecordLine } from "../src/write/formats";
import { benchRow } from "./generate";

/**
 * `pnpm bench:csv-encoder`: the export's CSV encoder against csv-stringify 6.9 configured the way
 * `test/csv-text.test.ts` proves equivalent (escape_formulas, CRLF, line breaks quoted, plain numbers
 * exempt), on the bench's rows, in one process and in CPU time, alternating rounds after a warm-up.
 */
const rows = Number(process.argv[2] ?? 200_000);
const fields = employeeEntity.fields.slice(0, 12);
const records = Array.from({ length: rows }, (_, index) => {
  const cells = benchRow(index);
  return Object.fromEntries(fields.map((field, column) => [field.name, cells[column] ?? null]));
});
const plainNumber = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
const formulaAfterBreak = /([\r\n])([=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20])/g;
const options = {
  escape_formulas: true,
  record_delimiter: "\r\n",
  quoted_match: /[\r\n]/,
  cast: {
    string: (value: string) => {
      if ((value[0] === "-" || value[0] === "+") && plainNumber.test(value))
        return { value, escape_formulas: false };
      return value.includes("\n") || value.includes("\r") ? value.replace(formulaAfterBreak, "$1'$2") : value;
    },
  },
};

const encoders = {
  handWritten: () => {
    let bytes = 0;
    for (const record of records) bytes += csvRecordLine(record, fields).length;
    return bytes;
  },
  // Batches of 2,000 rows, as the export wrote them through csv-stringify.
  csvStringify: () => {
    let bytes = 0;
    for (let start = 0; start < records.length; start += 2000) {
      const batch = records
        .slice(start, start + 2000)
        .map((record) => fields.map((field) => String(record[field.name] ?? "")));
      bytes += stringify(batch, options).length;
    }
    return bytes;
  },
};

const totals = { handWritten: 0, csvStringify: 0 };
const lengths = { handWritten: 0, csvStringify: 0 };
for (let round = 0; round < 4; round += 1) {
  for (const name of ["handWritten", "csvStringify"] as const) {
    const start = process.cpuUsage();
    lengths[name] = encoders[name]();
    const used = process.cpuUsage(start);
    if (round > 0) totals[name] += used.user + used.system;
  }
}
const perRow = (micros: number) => Number((micros / 3 / rows).toFixed(2));
process.stdout.write(
  `${JSON.stringify({
    rows,
    microsecondsPerRow: {
      handWritten: perRow(totals.handWritten),
      csvStringify: perRow(totals.csvStringify),
    },
    sameLength: lengths.handWritten === lengths.csvStringify,
  })}\n`,
);
