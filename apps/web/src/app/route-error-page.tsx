import { isRouteErrorResponse, Link, useRouteError } from "react-router";
import { describeError } from "../lib/describe-error";
import { ErrorNotice } from "../lib/error-notice";
import { NotFoundPage } from "./not-found-page";

/**
 * Shown when a page fails to load or render. It states what happened and the request id, never a stack
 * trace: those belong in the server logs, which the request id leads to.
 */
export function RouteErrorPage() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;

  const summary = isRouteErrorResponse(error)
    ? {
        message: `The page could not be loaded (${error.status} ${error.statusText}).`,
        code: null,
        requestId: null,
      }
    : describeError(error);

  return (
    <section aria-labelledby="error-title" data-testid="route-error">
      <h1 id="error-title">Something went wrong</h1>
      <ErrorNotice title="This page could not be shown." summary={summary} testId="route-error-notice" />
      <p className="actions">
        <button type="button" className="button" onClick={() => window.location.reload()}>
          Reload the page
        </button>
        <Link to="/">Go to the home page</Link>
      </p>
    </section>
  );
}
