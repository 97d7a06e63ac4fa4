import { type ReactNode, useEffect, useRef } from "react";
import { Link, Outlet, useLocation } from "react-router";
import { productName } from "../app/sections";

const titles: Record<string, string> = {
  "/": "Ask, match and map résumés",
  "/sign-in": "Sign in",
  "/sign-up": "Create your account",
};

// Shared résumés (`/s/:token`) set their own title and need the full width for the conversation.
const isSharePage = (pathname: string) => pathname.startsWith("/s/");
// Forms read best narrow; the signed-out home lays its three capabilities side by side.
const isWide = (pathname: string) => isSharePage(pathname) || pathname === "/";

/**
 * The shell for signed-out pages: brand, the page, footer — no navigation that would only redirect.
 * A route renders its page through the outlet; the signed-out home passes it as `children`.
 */
export function PublicLayout({ children }: { children?: ReactNode }) {
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const previousPath = useRef(pathname);

  useEffect(() => {
    const title = titles[pathname];
    if (!isSharePage(pathname))
      document.title = title === undefined ? productName : `${title} · ${productName}`;
    // Same reason as the main layout: a client-side navigation must tell assistive tech the page changed.
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
        </div>
      </header>
      <main
        id="main"
        ref={mainRef}
        tabIndex={-1}
        className={isWide(pathname) ? "container app-main" : "container app-main narrow"}
      >
        {children ?? <Outlet />}
      </main>
      <footer className="app-footer">
        <div className="container">{productName} — résumés you can talk to, match and map.</div>
      </footer>
    </>
  );
}
