import { createReadStream, readFileSync } from "node:fs";
import { Writable } from "node:stream";
import {
  createProfiler,
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
 * One benchmark case in its own process, so its peak RSS is its own. Prints one JSON line. It runs the
 * path the `imports.*` jobs run (`openImportSource` → `validateSource` → `exportRows`): a CSV arrives as
 * a stream of 64 KiB chunks, as the storage drivers serve an upload; an XLSX as its whole bytes.
 */
const kind = process.argv[2] === "xlsx" ? "xlsx" : "csv";
const rows = Number(process.argv[3] ?? (kind === "csv" ? 1_000_000 : 200_000));
const path = kind === "csv" ? await ensureCsv(rows) : await ensureXlsx(rows);

const started = performance.now();
const cpuStart = process.cpuUsage();
const source: TabularSource =
  kind === "csv" ? await openCsv(() => createReadStream(path)) : await openXlsx(readFileSync(path));
const sniffed = performance.now();

// Profile a sample for mapping and date order (the analyse job profiles; 10,000 rows decide it here).
const profiler = createProfiler(source.headers);
let sampled = 0;
for await (const row of source.rows()) {
  profiler.add(row.cells);
  sampled += 1;
  if (sampled >= 10_000) break;
}
const profiles = profiler.finish();
const mapping = mapColumns({
  entity: employeeEntity,
  columns: source.headers.map((name, index) => ({ name, profile: profiles[index] })),
});
const mapped = performance.now();

const { rows: validated, stats } = validateSource(source, {
  entity: employeeEntity,
  headers: source.headers,
  mapping,
  dateOrders: dateOrdersFrom(mapping, profiles),
  defaultCountry: "US",
});
const discard = new Writable({ write: (_chunk, _encoding, callback) => callback() });
const fields = mapping.flatMap((entry) => (entry.field ? [entry.field] : []));
const result = await exportRows(validated, () => stats.read, {
  entity: employeeEntity,
  fields,
  format: "csv",
  sink: discard,
});
const finished = performance.now();
const cpu = process.cpuUsage(cpuStart);
// On a shared machine wall time measures the neighbours too; CPU time is this process's own work.
const cpuSeconds = (cpu.user + cpu.system) / 1e6;

process.stdout.write(
  `${JSON.stringify({
    kind,
    rows: result.ledger.read,
    unmapped: mapping.filter((entry) => entry.field === null).map((entry) => entry.column),
    seconds: {
      sniff: (sniffed - started) / 1000,
      profileAndMap: (mapped - sniffed) / 1000,
      total: (finished - started) / 1000,
    },
    rowsPerSecond: Math.round(result.ledger.read / ((finished - started) / 1000)),
    cpuSeconds,
    rowsPerCpuSecond: Math.round(result.ledger.read / cpuSeconds),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    heapUsedMbAtEnd: Math.round(process.memoryUsage().heapUsed / 1024 / 1024),
    loadAverage: (await import("node:os")).loadavg().map((load) => Number(load.toFixed(1))),
    ledger: result.ledger,
    outputMb: Math.round(result.bytes / 1024 / 1024),
  })}\n`,
);
