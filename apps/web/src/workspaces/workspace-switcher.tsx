import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { isRole, roleLabels } from "../auth/roles";
import { useSession } from "../auth/session";
import { describeError } from "../lib/describe-error";
import { Disclosure } from "../lib/disclosure";
import { ErrorNotice } from "../lib/error-notice";
import { useTRPC } from "../trpc/client";

/**
 * The header's workspace picker: lists the caller's workspaces, switches the active one, and links to
 * creating another. A switch changes what every query means, so all of them are invalidated.
 */
export function WorkspaceSwitcher() {
  const trpc = useTRPC();
  const me = useSession();
  const queryClient = useQueryClient();
  const workspaces = useQuery(trpc.workspaces.list.queryOptions());
  const [announcement, setAnnouncement] = useState("");
  const switchWorkspace = useMutation(
    trpc.workspaces.switch.mutationOptions({
      onSuccess: async (_result, variables) => {
        await queryClient.invalidateQueries();
        const name = workspaces.data?.find((workspace) => workspace.id === variables.workspaceId)?.name;
        setAnnouncement(name === undefined ? "Workspace switched." : `Switched to ${name}.`);
      },
    }),
  );

  const activeName = me.workspace?.name ?? "No workspace";

  return (
    <div className="workspace-switcher">
      <Disclosure
        button={<span data-testid="active-workspace">{activeName}</span>}
        label={`Workspace: ${activeName}. Switch or create a workspace`}
        testId="workspace-menu"
      >
        {(close) => (
          <div className="menu-panel">
            {workspaces.isPending ? (
              <p className="muted" role="status">
                Loading workspaces…
              </p>
            ) : null}
            {workspaces.isError ? (
              <ErrorNotice
                title="Your workspaces could not be loaded."
                summary={describeError(workspaces.error)}
              />
            ) : null}
            {workspaces.data !== undefined && workspaces.data.length > 0 ? (
              <ul className="menu-list" aria-label="Your workspaces">
                {workspaces.data.map((workspace) => (
                  <li key={workspace.id}>
                    <button
                      type="button"
                      className="menu-item"
                      aria-current={workspace.isActive ? "true" : undefined}
                      disabled={switchWorkspace.isPending}
                      data-testid={`switch-workspace-${workspace.slug}`}
                      onClick={() => {
                        if (!workspace.isActive) switchWorkspace.mutate({ workspaceId: workspace.id });
                        close();
                      }}
                    >
                      <span>{workspace.name}</span>
                      <span className="muted">
                        {isRole(workspace.role) ? roleLabels[workspace.role] : workspace.role}
                        {workspace.isActive ? " · current" : ""}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            ) : null}
            <Link to="/workspaces/new" className="menu-link" onClick={close} data-testid="new-workspace">
              Create a workspace
            </Link>
          </div>
        )}
      </Disclosure>
      <p className="visually-hidden" aria-live="polite" data-testid="workspace-announcement">
        {announcement}
      </p>
      {switchWorkspace.isError ? (
        <div className="header-error">
          <ErrorNotice title="Could not switch workspace." summary={describeError(switchWorkspace.error)} />
        </div>
      ) : null}
    </div>
  );
}
