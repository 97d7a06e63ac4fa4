import { useEffect } from "react";
import { Link, useLocation } from "react-router";
import { productName } from "./sections";

export function NotFoundPage() {
  const { pathname } = useLocation();

  useEffect(() => {
    document.title = `Page not found · ${productName}`;
  }, []);

  return (
    <section aria-labelledby="not-found-title" data-testid="not-found">
      <h1 id="not-found-title">Page not found</h1>
      <p>
        There is no page at <code>{pathname}</code>. It may have moved, or the link may be mistyped.
      </p>
      <p>
        <Link to="/">Go to the home page</Link>
      </p>
    </section>
  );
}
