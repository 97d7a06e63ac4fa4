import { useEffect, useRef, useState } from "react";
import { Link, NavLink, Outlet, useLocation } from "react-router";
import { roleOf, useSession } from "../auth/session";
import { WorkspaceSwitcher } from "../workspaces/workspace-switcher";
import { PageSubjectProvider, titleWithSubject } from "./page-title";
import { documentTitleFor, productName, visibleSections } from "./sections";
import { UserMenu } from "./user-menu";

const navId = "main-nav";

/**
 * The signed-in shell: skip link, header with the main navigation (only the sections the caller's role
 * can use), the workspace switcher and account menu, the page outlet and a footer. On a phone the
 * header is one row and the navigation opens from a "Menu" button (the disclosure pattern: its links
 * stay ordinary links); CSS shows it inline on wider screens.
 */
export function Layout() {
  const { pathname, hash } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const menuButtonRef = useRef<HTMLButtonElement>(null);
  const previousPath = useRef(pathname);
  const [subject, setSubject] = useState<string | null>(null);
  const [isMenuOpen, setIsMenuOpen] = useState(false);
  const me = useSession();
  const navSections = visibleSections(roleOf(me));

  useEffect(() => {
    document.title = titleWithSubject(subject, documentTitleFor(pathname));
  }, [pathname, subject]);

  useEffect(() => {
    // A client-side navigation does not move focus the way a page load does; without this, keyboard and
    // screen-reader users stay on the old nav link with no cue that the page changed.
    // A link to an anchor (a cited fact: `/profiles/:id#fact-…`) leaves focus to the page, which moves it
    // to the target.
    if (previousPath.current !== pathname) {
      previousPath.current = pathname;
      setIsMenuOpen(false);
      if (hash === "") mainRef.current?.focus();
    }
  }, [pathname, hash]);

  function onNavKeyDown(event: React.KeyboardEvent) {
    if (event.key !== "Escape" || !isMenuOpen) return;
    setIsMenuOpen(false);
    menuButtonRef.current?.focus();
  }

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
            <button
              ref={menuButtonRef}
              type="button"
              className="menu-toggle"
              aria-expanded={isMenuOpen}
              aria-controls={navId}
              onClick={() => setIsMenuOpen((open) => !open)}
              data-testid="menu-toggle"
            >
              Menu
            </button>
          </div>
        </div>
        {/* A row of its own: it grows with every capability, which must not push the menus around. */}
        <div className="container">
          <nav
            id={navId}
            aria-label="Main"
            className="main-nav"
            data-open={isMenuOpen}
            onKeyDown={onNavKeyDown}
          >
            <ul className="nav-list">
              {navSections.map((section) => (
                <li key={section.path}>
                  <NavLink
                    to={`/${section.path}`}
                    className="nav-link"
                    data-testid={`nav-${section.path}`}
                    onClick={() => setIsMenuOpen(false)}
                  >
                    {section.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="container app-main">
        <PageSubjectProvider value={setSubject}>
          <Outlet />
        </PageSubjectProvider>
      </main>
      <footer className="app-footer">
        <div className="container">{productName} — résumés you can talk to, match and map.</div>
      </footer>
    </>
  );
}
