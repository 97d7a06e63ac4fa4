import { useEffect, useRef } from "react";
import { Link, NavLink, Outlet, useLocation } from "react-router";
import { roleOf, useSession } from "../auth/session";
import { WorkspaceSwitcher } from "../workspaces/workspace-switcher";
import { documentTitleFor, productName, visibleSections } from "./sections";
import { UserMenu } from "./user-menu";

/**
 * The signed-in shell: skip link, header with the main navigation (only the sections the caller's role
 * can use), the workspace switcher and account menu, the page outlet and a footer.
 */
export function Layout() {
  const { pathname, hash } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const previousPath = useRef(pathname);
  const me = useSession();
  const navSections = visibleSections(roleOf(me));

  useEffect(() => {
    document.title = documentTitleFor(pathname);
    // A client-side navigation does not move focus the way a page load does; without this, keyboard and
    // screen-reader users stay on the old nav link with no cue that the page changed.
    // A link to an anchor (a cited fact: `/profiles/:id#fact-…`) leaves focus to the page, which moves it
    // to the target.
    if (previousPath.current !== pathname) {
      previousPath.current = pathname;
      if (hash === "") mainRef.current?.focus();
    }
  }, [pathname, hash]);

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
          <WorkspaceSwitcher />
          <div className="header-tools">
            <UserMenu />
          </div>
        </div>
        {/* A row of its own: it grows with every capability, which must not push the menus around. */}
        <div className="container">
          <nav aria-label="Main" className="main-nav">
            <ul className="nav-list">
              {navSections.map((section) => (
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
