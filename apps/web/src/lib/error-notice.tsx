import type { ErrorSummary } from "./describe-error";
import { ErrorDetails } from "./error-details";

interface ErrorNoticeProps {
  title: string;
  summary: ErrorSummary;
  testId?: string;
}

/** An inline failure message in plain words; the code and request id for support sit behind "Details". */
export function ErrorNotice({ title, summary, testId }: ErrorNoticeProps) {
  return (
    <div className="notice notice-error" role="alert" data-testid={testId}>
      <p className="notice-title">{title}</p>
      <p>{summary.message}</p>
      <ErrorDetails
        code={summary.code}
        requestId={summary.requestId}
        testId={testId === undefined ? undefined : `${testId}-details`}
      />
    </div>
  );
}
