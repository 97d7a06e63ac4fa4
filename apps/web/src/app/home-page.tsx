import { Link } from "react-router";
import { roleOf, useSession } from "../auth/session";
import { WorkspaceDashboard } from "../dashboard/workspace-dashboard";
import type { Me } from "../trpc/types";
import { productName, visibleSections } from "./sections";

/**
 * Whether the home shows the workspace dashboard: only to a caller in a workspace. The home's route
 * prefetches the dashboard's figures under the same condition (`router.tsx`).
 */
export function showsDashboard(me: Me): me is Me & { workspace: NonNullable<Me["workspace"]> } {
  return me.workspace !== null;
}

/** Where a signed-in person lands: the workspace's figures at a glance, then what they can open. */
export function HomePage() {
  const me = useSession();
  const available = visibleSections(roleOf(me));

  return (
    <section aria-labelledby="home-title" data-testid="home-page">
      <h1 id="home-title">{productName}</h1>
      {showsDashboard(me) ? (
        <>
          <p className="lead">What is happening in {me.workspace.name} this week.</p>
          {/* The tiles render at once; only the chart library loads later (charts/bar-chart.tsx). */}
          <WorkspaceDashboard canOpenDocuments={available.some((section) => section.path === "documents")} />
        </>
      ) : (
        <p className="lead">
          Vitae turns résumés into something you can talk to, match against jobs, and import or export as HR
          tables.
        </p>
      )}
      {me.workspace === null ? (
        <div className="panel" data-testid="no-workspace">
          <h2>Create a workspace to get started</h2>
          <p>Résumés, members and API keys live in a workspace. You are not in one yet.</p>
          <Link to="/workspaces/new" className="button button-primary">
            Create a workspace
          </Link>
        </div>
      ) : null}
      <h2>Available now</h2>
      <ul className="card-list">
        {available.map((section) => (
          <li key={section.path} className="card">
            <Link to={`/${section.path}`} className="card-title">
              {section.label}
            </Link>
            <p>{section.summary}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
