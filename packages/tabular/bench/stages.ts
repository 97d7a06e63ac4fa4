import { createReadStream, readFileSync } from "node:fs";
import { Writable } from "node:stream";
import {
  createProfiler,
  createRowValidator,
  dateOrdersFrom,
  employeeEntity,
  exportRows,
  mapColumns,
  openCsv,
  openXlsx,
  type TabularSource,
  validateSource,
} from "../src/index";
import { ensureCsv, ensureXlsx } from "./generate";

/**
 * `pnpm bench:stages [csv|xlsx] [rows]`: where the CPU goes, stage by stage, on the bench input — each
 * stage timed alone in this process (CPU seconds, so the neighbours' load does not count): reading
 * (sniff + parse), validating (one validator over the rows), the reference pass, and the CSV writer.
 */
const kind = process.argv[2] === "xlsx" ? "xlsx" : "csv";
const rows = Number(process.argv[3] ?? (kind === "csv" ? 1_000_000 : 200_000));
const path = kind === "csv" ? await ensureCsv(rows) : await ensureXlsx(rows);
const open = (): Promise<TabularSource> =>
  kind === "csv" ? openCsv(() => createReadStream(path)) : openXlsx(readFileSync(path));

async function cpu(run: () => Promise<unknown>): Promise<number> {
  const start = process.cpuUsage();
  await run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

const source = await open();
const profiler = createProfiler(source.headers);
let sampled = 0;
for await (const row of source.rows()) {
  profiler.add(row.cells);
  if (++sampled >= 10_000) break;
}
const profiles = profiler.finish();
const mapping = mapColumns({
  entity: employeeEntity,
  columns: source.headers.map((name, index) => ({ name, profile: profiles[index] })),
});
const plan = {
  entity: employeeEntity,
  headers: source.headers,
  mapping,
  dateOrders: dateOrdersFrom(mapping, profiles),
  defaultCountry: "US" as const,
};
const discard = () => new Writable({ write: (_chunk, _encoding, callback) => callback() });

const seconds = {
  open: await cpu(open),
  read: await cpu(async () => {
    for await (const _row of source.rows());
  }),
  readAndValidate: await cpu(async () => {
    const validator = createRowValidator(plan);
    for await (const row of source.rows()) validator.validate(row);
  }),
  endToEnd: await cpu(async () => {
    const { rows: validated, stats } = validateSource(source, plan);
    await exportRows(validated, () => stats.read, {
      entity: employeeEntity,
      fields: mapping.flatMap((entry) => (entry.field ? [entry.field] : [])),
      format: "csv",
      sink: discard(),
    });
  }),
};
const perRow = (value: number) => Number(((value * 1e6) / rows).toFixed(2));
process.stdout.write(
  `${JSON.stringify({
    kind,
    rows,
    cpuSeconds: seconds,
    microsecondsPerRow: {
      read: perRow(seconds.read),
      validate: perRow(seconds.readAndValidate - seconds.read),
      // The reference pass reads the file again; the rest is the CSV writer and the ledger.
      referencesAndWrite: perRow(seconds.endToEnd - seconds.readAndValidate),
      endToEnd: perRow(seconds.endToEnd),
    },
  })}\n`,
);
