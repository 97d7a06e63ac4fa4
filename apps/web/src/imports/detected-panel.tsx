import type { ImportView } from "./imports-api";
import { RegionChoice } from "./region-choice";
import { SheetChoice } from "./sheet-choice";

const delimiterNames: Readonly<Record<string, string>> = {
  ",": "comma (,)",
  ";": "semicolon (;)",
  "\t": "tab",
  "|": "vertical bar (|)",
};

/**
 * What the analysis found about the file's layout, in words; for a workbook, which sheet to read; for
 * phone columns, which country numbers without a country code are read in.
 */
export function DetectedPanel({ view, canWrite }: { view: ImportView; canWrite: boolean }) {
  const sniff = view.sniff;
  if (sniff === null) return null;
  return (
    <section className="panel" aria-labelledby="detected-title" data-testid="import-detected">
      <h2 id="detected-title">What was detected</h2>
      <dl className="facts">
        <div>
          <dt>Format</dt>
          <dd>{sniff.format === "xlsx" ? "Excel workbook (XLSX)" : "Delimited text (CSV)"}</dd>
        </div>
        {sniff.encoding !== null ? (
          <div>
            <dt>Encoding</dt>
            <dd data-testid="detected-encoding">{sniff.encoding}</dd>
          </div>
        ) : null}
        {sniff.delimiter !== null ? (
          <div>
            <dt>Separator</dt>
            <dd data-testid="detected-delimiter">{delimiterNames[sniff.delimiter] ?? sniff.delimiter}</dd>
          </div>
        ) : null}
        <div>
          <dt>Header row</dt>
          <dd data-testid="detected-header">
            Line {sniff.headerRow}
            {sniff.headerRow > 1
              ? ` (${sniff.headerRow - 1} line${sniff.headerRow > 2 ? "s" : ""} above it skipped)`
              : ""}
          </dd>
        </div>
        {sniff.sheet !== undefined ? (
          <div>
            <dt>Sheet</dt>
            <dd data-testid="detected-sheet">{sniff.sheet}</dd>
          </div>
        ) : null}
        <div>
          <dt>Columns</dt>
          <dd>{view.columns.length}</dd>
        </div>
      </dl>
      <SheetChoice key={sniff.sheet} view={view} canWrite={canWrite} />
      <RegionChoice key={view.region?.country ?? "none"} view={view} canWrite={canWrite} />
    </section>
  );
}
