import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { ExportJob } from "../exports/export-job";
import { useExport } from "../exports/exports-api";
import "../exports/exports.css";
import { describeError } from "../lib/describe-error";
import { ErrorNotice } from "../lib/error-notice";
import { formatCount } from "../lib/format";
import { useTRPC } from "../trpc/client";
import { exportFormatLabels, type ImportExportFormat, type ImportView } from "./imports-api";
import { exportLedgerFigures, ledgerSentence } from "./ledger";

interface Job {
  exportId: string;
  label: string;
}

/** Where an export's rows went, in words, and the rejected rows as a CSV download. */
function ExportLedger({ exportId }: { exportId: string }) {
  const trpc = useTRPC();
  const job = useExport(exportId);
  const rejected = useMutation(
    trpc.imports.downloadRejected.mutationOptions({ onSuccess: ({ url }) => window.location.assign(url) }),
  );
  const figures = job.data?.status === "ready" ? exportLedgerFigures(job.data.ledger) : null;
  if (figures === null) return null;
  return (
    <li className="export-ledger" data-testid="export-ledger">
      <p>{ledgerSentence(figures, "exported")}.</p>
      {figures.rejectedTotal > 0 ? (
        <button
          type="button"
          className="button button-small"
          disabled={rejected.isPending}
          onClick={() => rejected.mutate({ exportId })}
          data-testid="download-rejected"
        >
          Download the {formatCount(figures.rejectedTotal)} rejected rows (CSV)
        </button>
      ) : null}
      {rejected.isError ? (
        <ErrorNotice
          title="The rejected rows could not be downloaded."
          summary={describeError(rejected.error)}
        />
      ) : null}
    </li>
  );
}

/** Export the checked rows as CSV, JSON, NDJSON or XML, with progress, then download. */
export function ImportExports({ view, canWrite }: { view: ImportView; canWrite: boolean }) {
  const trpc = useTRPC();
  const [includeInvalid, setIncludeInvalid] = useState(false);
  const [jobs, setJobs] = useState<Job[]>([]);
  const start = useMutation(trpc.imports.export.mutationOptions());
  const ready = view.status === "validated";

  function exportAs(format: ImportExportFormat) {
    const invalidRows = includeInvalid ? "include" : "exclude";
    start.mutate(
      { importId: view.id, format, invalidRows },
      {
        onSuccess: ({ exportId }) =>
          setJobs((current) => [
            {
              exportId,
              label: `${exportFormatLabels[format]}${includeInvalid ? " · with rejected rows" : ""}`,
            },
            ...current,
          ]),
      },
    );
  }

  return (
    <section className="panel" aria-labelledby="import-export-title" data-testid="import-export">
      <h2 id="import-export-title">Export</h2>
      {canWrite ? (
        <>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={includeInvalid}
              onChange={(event) => setIncludeInvalid(event.currentTarget.checked)}
            />{" "}
            Include rejected rows (marked as such)
          </label>
          <fieldset className="export-buttons">
            <legend className="visually-hidden">Export as</legend>
            {Object.entries(exportFormatLabels).map(([format, label]) => (
              <button
                key={format}
                type="button"
                className="button"
                disabled={!ready || start.isPending}
                onClick={() => exportAs(format as ImportExportFormat)}
                data-testid={`import-export-${format}`}
              >
                {label}
              </button>
            ))}
          </fieldset>
        </>
      ) : (
        <p className="muted">Members can export imports.</p>
      )}
      {start.isError ? (
        <ErrorNotice title="The export could not be started." summary={describeError(start.error)} />
      ) : null}
      {jobs.length > 0 ? (
        <ul className="export-jobs" data-testid="export-jobs">
          {jobs.map((job) => (
            <ImportExportJob key={job.exportId} job={job} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function ImportExportJob({ job }: { job: Job }) {
  return (
    <>
      <ExportJob exportId={job.exportId} label={job.label} />
      <ExportLedger exportId={job.exportId} />
    </>
  );
}
