interface ErrorDetailsProps {
  code: string | null;
  requestId: string | null;
  testId?: string;
}

/**
 * The error code and request id a user can quote to support, folded behind a "Details" toggle so the
 * plain sentence leads. Renders nothing when there is neither.
 */
export function ErrorDetails({ code, requestId, testId }: ErrorDetailsProps) {
  if (code === null && requestId === null) return null;
  return (
    <details className="error-details" data-testid={testId}>
      <summary>Details</summary>
      <dl className="meta-list">
        {code !== null ? (
          <div>
            <dt>Error code</dt>
            <dd>
              <code>{code}</code>
            </dd>
          </div>
        ) : null}
        {requestId !== null ? (
          <div>
            <dt>Request id</dt>
            <dd>
              <code>{requestId}</code>
            </dd>
          </div>
        ) : null}
      </dl>
    </details>
  );
}
