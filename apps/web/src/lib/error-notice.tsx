import type { ErrorSummary } from "./describe-error";

interface ErrorNoticeProps {
  title: string;
  summary: ErrorSummary;
  testId?: string;
}

/** An inline failure message in plain words, with the code and request id a user can quote to support. */
export function ErrorNotice({ title, summary, testId }: ErrorNoticeProps) {
  return (
    <div className="notice notice-error" role="alert" data-testid={testId}>
      <p className="notice-title">{title}</p>
      <p>{summary.message}</p>
      {summary.code !== null || summary.requestId !== null ? (
        <dl className="meta-list">
          {summary.code !== null ? (
            <div>
              <dt>Error code</dt>
              <dd>
                <code>{summary.code}</code>
              </dd>
            </div>
          ) : null}
          {summary.requestId !== null ? (
            <div>
              <dt>Request id</dt>
              <dd>
                <code data-testid={testId === undefined ? undefined : `${testId}-request-id`}>
                  {summary.requestId}
                </code>
              </dd>
            </div>
          ) : null}
        </dl>
      ) : null}
    </div>
  );
}
