import { once } from "node:events";
import { createWriteStream, existsSync, mkdirSync, renameSync } from "node:fs";
import { join } from "node:path";

/** Where generated inputs live: never committed, reused across runs. */
export const cacheDir = join(import.meta.dirname, "..", "node_modules", ".cache", "tabular-bench");

export const benchHeaders = [
  "Employee ID",
  "First Name",
  "Last Name",
  "Work Email",
  "Phone",
  "Hire Date",
  "Department",
  "Job Title",
  "Manager ID",
  "Status",
  "Location",
  "Zip",
];

const firstNames = [
  "Ana",
  "Bo",
  "Chen",
  "Dmitri",
  "Elif",
  "Femi",
  "Greta",
  "Hugo",
  "Inès",
  "Jürgen",
  "Kai",
  "Lucía",
];
const lastNames = [
  "Silva",
  "Li",
  "Wei",
  "Ivanov",
  "Kaya",
  "Bello",
  "Müller",
  "Dubois",
  "Roux",
  "Weber",
  "Sato",
  "Gómez",
];
const departments = ["Engineering", "Sales", "Finance", "HR", "Support", "Legal"];
const titles = ["Engineer", "Account Executive", "Accountant", "HR Partner", "Support Lead", "Counsel"];
const statuses = ["Active", "Active", "Active", "On Leave", "Terminated"];
const locations = ["Boston", "Remote", "New York", "Austin"];

/** One deterministic employee row (valid except every 50th email), as raw cells. */
export function benchRow(index: number): string[] {
  const id = `E${String(index + 1).padStart(7, "0")}`;
  const manager = index < 10 ? "" : `E${String((index % 10) + 1).padStart(7, "0")}`;
  const first = firstNames[index % firstNames.length] as string;
  const last = lastNames[(index * 7) % lastNames.length] as string;
  const email =
    index % 50 === 0 ? `${first}.${last}` : `${first}.${last}.${index}@acme-corp.com`.toLowerCase();
  const phone = `(617) ${200 + (index % 700)}-${String(index % 10000).padStart(4, "0")}`;
  const hire = `${String((index % 12) + 1).padStart(2, "0")}/${String((index % 28) + 1).padStart(2, "0")}/${2000 + (index % 24)}`;
  const zip = String(index % 100000).padStart(5, "0");
  return [
    id,
    first,
    last,
    email,
    phone,
    hire,
    departments[index % 6] as string,
    titles[index % 6] as string,
    manager,
    statuses[index % 5] as string,
    locations[index % 4] as string,
    zip,
  ];
}

const quote = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);

/** A CSV of `rows` employee rows (about 100 bytes each), generated once into the cache. */
export async function ensureCsv(rows: number): Promise<string> {
  mkdirSync(cacheDir, { recursive: true });
  const path = join(cacheDir, `employees-${rows}.csv`);
  if (existsSync(path)) return path;
  const partial = `${path}.partial`;
  const out = createWriteStream(partial);
  let buffer = `${benchHeaders.join(",")}\n`;
  for (let index = 0; index < rows; index += 1) {
    buffer += `${benchRow(index).map(quote).join(",")}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, "drain");
      buffer = "";
    }
  }
  out.end(buffer);
  await once(out, "finish");
  renameSync(partial, path);
  return path;
}

/** An XLSX of `rows` employee rows (shared strings, real dates), streamed out once into the cache. */
export async function ensureXlsx(rows: number): Promise<string> {
  mkdirSync(cacheDir, { recursive: true });
  const path = join(cacheDir, `employees-${rows}.xlsx`);
  if (existsSync(path)) return path;
  const partial = `${path}.partial`;
  // Loaded here only: the CSV case imports this module, and ExcelJS would count toward its RSS.
  const { default: ExcelJS } = await import("exceljs");
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: partial,
    useSharedStrings: true,
    useStyles: true,
  });
  const sheet = book.addWorksheet("Employees");
  sheet.getColumn(6).numFmt = "mm/dd/yyyy";
  sheet.addRow(benchHeaders).commit();
  for (let index = 0; index < rows; index += 1) {
    const cells: Array<string | Date> = benchRow(index);
    const [month, day, year] = (cells[5] as string).split("/").map(Number) as [number, number, number];
    cells[5] = new Date(Date.UTC(year, month - 1, day));
    sheet.addRow(cells).commit();
  }
  sheet.commit();
  await book.commit();
  renameSync(partial, path);
  return path;
}
