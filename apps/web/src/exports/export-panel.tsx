import { useMutation } from "@tanstack/react-query";
import { type ProfileExportFormat, profileExportFormats } from "@vitae/contracts";
import { useState } from "react";
import { describeError } from "../lib/describe-error";
import { ErrorNotice } from "../lib/error-notice";
import { useTRPC } from "../trpc/client";
import { ExportJob } from "./export-job";
import { formatLabels, type ResumeTemplate, templateLabels } from "./exports-api";
import "./exports.css";

const templates = Object.keys(templateLabels) as ResumeTemplate[];

/**
 * Export a profile as a résumé: choose a template, press HTML, PDF or DOCX; each export shows its
 * progress and downloads when it is ready. Anyone who can read the profile may export it.
 */
export function ExportPanel({ profileId }: { profileId: string }) {
  const trpc = useTRPC();
  const [template, setTemplate] = useState<ResumeTemplate>("classic");
  const [jobs, setJobs] = useState<{ exportId: string; label: string }[]>([]);
  const create = useMutation(
    trpc.exports.create.mutationOptions({
      onSuccess: ({ exportId }, input) => {
        const label = `${formatLabels[input.format]} · ${templateLabels[input.template ?? "classic"]}`;
        setJobs((previous) => [{ exportId, label }, ...previous].slice(0, 6));
      },
    }),
  );

  function start(format: ProfileExportFormat) {
    create.mutate({ profileId, format, template });
  }

  return (
    <section className="panel export-panel" aria-labelledby="export-title" data-testid="export-panel">
      <h2 id="export-title">Export résumé</h2>
      <p className="muted">
        Download this profile as a formatted résumé. Exported files are deleted after a while; export again
        whenever you need a new copy.
      </p>
      <div className="export-controls">
        <div className="field">
          <label htmlFor="export-template">Template</label>
          <select
            id="export-template"
            value={template}
            onChange={(event) => setTemplate(event.target.value as ResumeTemplate)}
          >
            {templates.map((value) => (
              <option key={value} value={value}>
                {templateLabels[value]}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="export-buttons">
          <legend className="visually-hidden">Export as</legend>
          {profileExportFormats.map((format) => (
            <button
              key={format}
              type="button"
              className="button"
              data-testid={`export-${format}`}
              disabled={create.isPending}
              onClick={() => start(format)}
            >
              {formatLabels[format]}
            </button>
          ))}
        </fieldset>
      </div>
      {create.isError ? (
        <ErrorNotice
          title="The export could not be started."
          summary={describeError(create.error)}
          testId="export-start-error"
        />
      ) : null}
      {jobs.length > 0 ? (
        <ul className="export-jobs" data-testid="export-jobs">
          {jobs.map((job) => (
            <ExportJob key={job.exportId} exportId={job.exportId} label={job.label} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}
