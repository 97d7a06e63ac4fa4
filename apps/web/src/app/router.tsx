import { createBrowserRouter } from "react-router";
import { HomePage } from "./home-page";
import { Layout } from "./layout";
import { NotFoundPage } from "./not-found-page";
import { RouteErrorPage } from "./route-error-page";
import { sections } from "./sections";

function PageLoading() {
  return (
    <p className="muted" role="status">
      Loading…
    </p>
  );
}

/**
 * Route tree. The error boundary sits on a pathless route inside the layout so a failing page keeps the
 * header and navigation; the outer one covers failures of the layout itself.
 */
export function createAppRouter() {
  return createBrowserRouter([
    {
      path: "/",
      Component: Layout,
      ErrorBoundary: RouteErrorPage,
      HydrateFallback: PageLoading,
      children: [
        {
          ErrorBoundary: RouteErrorPage,
          children: [
            { index: true, Component: HomePage },
            ...sections.map((section) => ({ path: section.path, lazy: section.lazy })),
            { path: "*", Component: NotFoundPage },
          ],
        },
      ],
    },
  ]);
}
