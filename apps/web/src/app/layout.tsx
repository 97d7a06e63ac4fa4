import { useEffect, useRef } from "react";
import { Link, NavLink, Outlet, useLocation } from "react-router";
import { documentTitleFor, productName, sections } from "./sections";

/** The persistent shell: skip link, header with the main navigation, the page outlet and a footer. */
export function Layout() {
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const previousPath = useRef(pathname);

  useEffect(() => {
    document.title = documentTitleFor(pathname);
    // A client-side navigation does not move focus the way a page load does; without this, keyboard and
    // screen-reader users stay on the old nav link with no cue that the page changed.
    if (previousPath.current !== pathname) {
      previousPath.current = pathname;
      mainRef.current?.focus();
    }
  }, [pathname]);

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <div className="container header-inner">
          <Link to="/" className="brand">
            {productName}
          </Link>
          <nav aria-label="Main">
            <ul className="nav-list">
              {sections.map((section) => (
                <li key={section.path}>
                  <NavLink to={`/${section.path}`} className="nav-link" data-testid={`nav-${section.path}`}>
                    {section.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="container app-main">
        <Outlet />
      </main>
      <footer className="app-footer">
        <div className="container">{productName} — résumés you can talk to, match and map.</div>
      </footer>
    </>
  );
}
