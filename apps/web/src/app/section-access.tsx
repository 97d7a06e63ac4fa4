import { Link, Navigate, Outlet, useLocation } from "react-router";
import { withNext } from "../auth/redirect-target";
import { roleLabels } from "../auth/roles";
import { roleOf, useSession } from "../auth/session";
import { canUseSection, type Section } from "./sections";

/**
 * Guards one section's route. A page that needs a workspace sends a caller without one to create it
 * (and back afterwards); a role below the page's minimum sees why instead of a page of errors. The
 * server enforces the same rules; this only avoids a screen of FORBIDDEN answers.
 */
export function SectionAccess({ section }: { section: Section }) {
  const me = useSession();
  const location = useLocation();
  const role = roleOf(me);

  if (canUseSection(section, role)) return <Outlet />;
  if (me.workspace === null) {
    return <Navigate to={withNext("/workspaces/new", `${location.pathname}${location.search}`)} replace />;
  }
  return (
    <section aria-labelledby="no-access-title" data-testid="no-access">
      <h1 id="no-access-title">{section.label}</h1>
      <p>
        Your role in <strong>{me.workspace.name}</strong> ({role === null ? "none" : roleLabels[role]}) cannot
        use this page
        {section.minRole === undefined ? "" : `; it needs ${roleLabels[section.minRole]} or higher`}. Ask an
        owner or admin of the workspace if you need access.
      </p>
      <p>
        <Link to="/">Go to the home page</Link>
      </p>
    </section>
  );
}
