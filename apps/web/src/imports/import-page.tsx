import { useCallback, useRef, useState } from "react";
import { Link, useParams } from "react-router";
import { hasRoleAtLeast } from "../auth/roles";
import { roleOf, useSession } from "../auth/session";
import { describeError } from "../lib/describe-error";
import { ErrorDetails } from "../lib/error-details";
import { ErrorNotice } from "../lib/error-notice";
import { clampPercent, formatCount } from "../lib/format";
import { DetectedPanel } from "./detected-panel";
import { FixForm } from "./fix-form";
import { ImportExports } from "./import-exports";
import { entityOptions, type ImportView, importErrorSentence, isWorking, statusLabels } from "./imports-api";
import { ledgerSentence, rejectionReasons } from "./ledger";
import { MappingPanel } from "./mapping-panel";
import type { FixRequest } from "./row-card";
import { RowsPanel } from "./rows-panel";
import { type ImportRunProgress, useLiveImport } from "./use-live-import";
import "./imports.css";

const workingWords = {
  uploaded: "Waiting for the upload to finish…",
  analysing: "Reading the file: detecting its layout and mapping its columns…",
  validating: "Checking every row…",
} as const;

/** The job running on the import, with its progress bar (live from the stream) and the worker's last step. */
function WorkingNotice({ view, progress }: { view: ImportView; progress: ImportRunProgress }) {
  if (!isWorking(view.status)) return null;
  const percent = clampPercent(progress.percent);
  return (
    <div
      className="panel"
      role="status"
      data-testid="import-working"
      data-source={progress.source}
      aria-live="polite"
    >
      <div className="progress-row">
        <span>{workingWords[view.status as keyof typeof workingWords] ?? statusLabels[view.status]}</span>
        <span className="progress-figure">{percent}%</span>
      </div>
      <progress max={100} value={percent} aria-label="Import progress" />
      {progress.message ? <p className="progress-message">{progress.message}</p> : null}
    </div>
  );
}

/** The last validation's ledger in words, with the rejection reasons and their counts. */
function LedgerPanel({ view }: { view: ImportView }) {
  const ledger = view.ledger;
  if (ledger === null) return null;
  const reasons = rejectionReasons(ledger.rejected);
  return (
    <section className="panel" aria-labelledby="ledger-title" data-testid="import-ledger">
      <h2 id="ledger-title">Check result</h2>
      <p data-testid="ledger-sentence">{ledgerSentence({ ...ledger, kept: ledger.valid }, "valid")}.</p>
      {reasons.length > 0 ? (
        <ul className="ledger-reasons">
          {reasons.map((reason) => (
            <li key={reason.code}>
              {formatCount(reason.count)} × {reason.sentence}
            </li>
          ))}
        </ul>
      ) : null}
      {!ledger.referencesChecked ? (
        <p className="muted">References between rows (such as managers) were not checked for this file.</p>
      ) : null}
      {view.fixes > 0 ? <p className="muted">{view.fixes} bulk fix(es) applied.</p> : null}
    </section>
  );
}

/**
 * One import, as a wizard that follows its status: analysing → what was detected and the mapping →
 * checking rows → the ledger, the rows with their problems, bulk fixes → exports and downloads.
 */
export function ImportPage() {
  const { importId = "" } = useParams();
  const me = useSession();
  const canWrite = hasRoleAtLeast(roleOf(me), "member");
  const { query, view, progress } = useLiveImport(importId);
  // A row's "Fix this column" opens the bulk fix on that field; the count re-creates the form each time.
  const [fixRequest, setFixRequest] = useState<{ request: FixRequest; count: number } | null>(null);
  const fixRef = useRef<HTMLElement>(null);
  const openFix = useCallback((request: FixRequest) => {
    setFixRequest((current) => ({ request, count: (current?.count ?? 0) + 1 }));
    requestAnimationFrame(() => {
      fixRef.current?.scrollIntoView({ block: "start" });
      fixRef.current?.querySelector("select")?.focus();
    });
  }, []);
  const canFix = canWrite && view?.status === "validated";

  return (
    <section aria-labelledby="import-title" data-testid="import-page" data-status={view?.status}>
      <p>
        <Link to="/imports">← All imports</Link>
      </p>
      <h1 id="import-title" className="import-title">
        {view?.filename ?? "Import"}
      </h1>
      {view !== undefined ? (
        <p className="lead">
          {entityOptions.find((option) => option.name === view.entity)?.label ?? view.entity} ·{" "}
          <span data-testid="import-status">{statusLabels[view.status]}</span>
        </p>
      ) : null}
      {query.isPending ? <p className="muted">Loading the import…</p> : null}
      {query.isError ? (
        <ErrorNotice title="The import could not be loaded." summary={describeError(query.error)} />
      ) : null}
      {view !== undefined ? (
        <>
          {view.errorCode !== null ? (
            <div className="notice notice-error" role="alert" data-testid="import-error">
              <p>{importErrorSentence(view.errorCode)}</p>
              <ErrorDetails code={view.errorCode} requestId={null} />
            </div>
          ) : null}
          <WorkingNotice view={view} progress={progress} />
          <DetectedPanel view={view} canWrite={canWrite} />
          {view.mapping.length > 0 ? (
            <MappingPanel key={view.updatedAt} view={view} canWrite={canWrite} />
          ) : null}
          {view.status === "validated" || (view.status === "validating" && view.ledger !== null) ? (
            <>
              <LedgerPanel view={view} />
              <RowsPanel view={view} onFix={canFix ? openFix : null} />
              {canFix ? (
                <section className="panel" aria-label="Fix a column in bulk" ref={fixRef}>
                  <FixForm key={fixRequest?.count ?? 0} view={view} request={fixRequest?.request ?? null} />
                </section>
              ) : null}
              <ImportExports view={view} canWrite={canWrite} />
            </>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
