import { ensureCsv, ensureXlsx } from "./generate";

/** Generates a bench input into the cache (its own process, so generation never counts toward RSS). */
const kind = process.argv[2];
const rows = Number(process.argv[3]);
if (kind === "xlsx") await ensureXlsx(rows);
else await ensureCsv(rows);
